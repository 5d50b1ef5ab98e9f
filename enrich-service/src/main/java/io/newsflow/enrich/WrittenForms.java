package io.newsflow.enrich;

import java.util.Arrays;

/**
 * The forms one article writes its words in ("Russia", "talks", "U.S"), each made into a string once, with its
 * lower-case form and its number in the article's {@link Vocabulary}. Looked up by the word's characters in the text,
 * so a word said again costs no substring, no lower-casing and no second hashing of a new string: an article says
 * most of its words more than once, and every later step that looks a word up in a list hashes the same string
 * instance, whose hash the JDK keeps. Made per article; not thread-safe.
 */
final class WrittenForms {

    /** Entry numbers plus one by hash slot; 0 is an empty slot. */
    private int[] slots = new int[512];
    private int[] hashes = new int[256];
    private String[] written = new String[256];
    private int size;
    /** The hash of the form {@link #find} looked for last ({@link String#hashCode()}'s), for {@link #add}. */
    private int lastHash;

    /**
     * The number of the form {@code text[start, end)} among those seen, or -1 - the slot to {@link #add} it at if
     * it is new.
     */
    int find(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        lastHash = hash;
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        int length = end - start;
        for (int entry = slots[slot]; entry != 0; entry = slots[slot]) {
            String form = written[entry - 1];
            if (hashes[entry - 1] == hash && form.length() == length && text.regionMatches(start, form, 0, length)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1 - slot;
    }

    /** Adds {@code form}, which the last {@link #find} did not find, at the slot it gave ({@code missing}). */
    int add(int missing, String form) {
        if (size == written.length) {
            written = Arrays.copyOf(written, 2 * size);
            hashes = Arrays.copyOf(hashes, 2 * size);
        }
        written[size] = form;
        hashes[size] = lastHash;
        slots[-1 - missing] = size + 1;
        size++;
        if (2 * size > slots.length) {
            rehash();
        }
        return size - 1;
    }

    String form(int number) {
        return written[number];
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = spread(hashes[entry]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
