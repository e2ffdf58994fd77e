"""Build step: index the bundled quotes into quotes.idx (one 'offset length' line per quote)."""
offset = 0
with open("quotes.txt", "rb") as src, open("quotes.idx", "w") as idx:
    for line in src:
        if line.strip():
            idx.write("%d %d\n" % (offset, len(line.rstrip(b"\n"))))
        offset += len(line)
print("indexed quotes.txt")
