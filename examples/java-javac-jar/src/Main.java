// Counts its arguments' words and names the Java runtime that ran it.
public class Main {
    public static void main(String[] args) {
        int words = 0;
        for (String a : args) words += a.trim().isEmpty() ? 0 : a.trim().split("\\s+").length;
        System.out.println(words + " words on Java " + Runtime.version().feature());
    }
}
