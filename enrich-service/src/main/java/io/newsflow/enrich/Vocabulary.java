package io.newsflow.enrich;

import java.util.Arrays;

/**
 * The distinct words of one article (in lower case), numbered from 0 in order of first appearance. The steps that
 * count words or look them up in a lexicon do it once per distinct word, and keep per-word figures in arrays indexed
 * by these numbers: an article says most of its words more than once. Made per article; not thread-safe.
 */
final class Vocabulary {

    private String[] table = new String[256];
    private int[] ids = new int[256];
    private String[] words = new String[128];
    private int size;

    /** The number of {@code word}, numbered now if it is new. */
    int add(String word) {
        int mask = table.length - 1;
        int slot = spread(word.hashCode()) & mask;
        while (table[slot] != null) {
            if (table[slot].equals(word)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (size == words.length) {
            words = Arrays.copyOf(words, 2 * size);
        }
        words[size] = word;
        table[slot] = word;
        ids[slot] = size;
        size++;
        if (2 * size > table.length) {
            rehash();
        }
        return size - 1;
    }

    int size() {
        return size;
    }

    /** The word numbered {@code id}, as first written in lower case. */
    String word(int id) {
        return words[id];
    }

    private void rehash() {
        String[] oldTable = table;
        int[] oldIds = ids;
        table = new String[2 * oldTable.length];
        ids = new int[table.length];
        int mask = table.length - 1;
        for (int i = 0; i < oldTable.length; i++) {
            if (oldTable[i] != null) {
                int slot = spread(oldTable[i].hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = oldTable[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
