"""Print the quote of the day from the prebuilt index; record the run in $HOME."""
import os
import pwd

with open("quotes.idx") as f:
    entries = [tuple(map(int, line.split())) for line in f]
day = 2  # fixed "day" so the output is deterministic
offset, length = entries[day % len(entries)]
with open("quotes.txt", "rb") as f:
    f.seek(offset)
    quote = f.read(length).decode()

# fails with PermissionError unless the home directory belongs to us
with open(os.path.join(os.path.expanduser("~"), ".last-run"), "w") as f:
    f.write(quote + "\n")
print("quote for %s: %s" % (pwd.getpwuid(os.getuid()).pw_name, quote))
