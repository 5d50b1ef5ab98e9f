package io.newsflow.enrich;

import io.newsflow.contract.EnrichedArticle.EntityMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based named entities: runs of capitalized words (with connectors such as "of", "de", "von") are candidate
 * names; each is classified by the {@link Gazetteer} (known places and organisations), by cues (a role or honorific
 * before a name makes it a person, "Bank"/"Partido"/"GmbH" inside makes an organisation), by given names, and by a
 * speech verb after it ("said", "dijo", "sagte"). A surname alone counts as a mention of the person named in full.
 * Why rules and not a model: see this module's README.
 */
final class EntityExtractor {

    /** People, organisations and places with mention counts, most mentioned first. */
    record Entities(List<EntityMention> people, List<EntityMention> organisations, List<EntityMention> places) {
    }

    private enum Kind { PERSON, ORGANISATION, PLACE, UNKNOWN }

    private record Token(String text, int start, int end, boolean closesSpan) {
        boolean capitalized() {
            return Character.isUpperCase(text.codePointAt(0));
        }
    }

    private record Found(Kind kind, String name) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}&]|[.'’\\-](?=[\\p{L}\\p{M}\\p{N}]))*\\.?");
    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}&]{1,6}");
    private static final Set<String> CONNECTORS = Set.of("of", "de", "del", "la", "las", "los", "le", "du", "des",
            "van", "von", "der", "den", "da", "di", "al", "bin", "ibn", "the", "for", "d’", "y");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "noted", "stated",
            "explained", "argued", "warned", "insisted", "announced", "dijo", "afirmó", "declaró", "aseguró",
            "explicó", "señaló", "indicó", "añadió", "sostuvo", "sagte", "erklärte", "betonte", "sagt", "meinte",
            "déclaré", "affirmé", "expliqué", "indiqué", "ajouté", "estimé", "souligné");

    private final Gazetteer gazetteer;
    private final Stopwords stopwords;
    private final Set<String> titleWords;

    EntityExtractor(Gazetteer gazetteer, Stopwords stopwords) {
        this.gazetteer = gazetteer;
        this.stopwords = stopwords;
        this.titleWords = Set.copyOf(gazetteer.personCues.stream().filter(cue -> cue.size() == 1)
                .map(cue -> cue.get(0).toLowerCase(Locale.ROOT)).toList());
    }

    Entities extract(List<String> sentences, String language) {
        List<Found> found = new ArrayList<>();
        for (String sentence : sentences) {
            List<Token> tokens = tokenize(sentence);
            int i = 0;
            while (i < tokens.size()) {
                if (!tokens.get(i).capitalized()) {
                    i++;
                    continue;
                }
                int end = spanEnd(tokens, i, sentence);
                List<Token> span = tokens.subList(i, end);
                classify(span, tokens.subList(0, i), tokens.subList(end, tokens.size()), i == 0, language, found);
                i = end;
            }
        }
        return count(found);
    }

    /** The end (exclusive) of the run of capitalized tokens starting at {@code start}. */
    private int spanEnd(List<Token> tokens, int start, String sentence) {
        int end = start + 1;
        while (end < tokens.size() && !tokens.get(end - 1).closesSpan() && onlySpaceBetween(tokens, end, sentence)) {
            Token next = tokens.get(end);
            if (next.capitalized()) {
                end++;
            } else if (CONNECTORS.contains(next.text()) && end + 1 < tokens.size()
                    && onlySpaceBetween(tokens, end + 1, sentence)
                    && (tokens.get(end + 1).capitalized() || (CONNECTORS.contains(tokens.get(end + 1).text())
                    && end + 2 < tokens.size() && tokens.get(end + 2).capitalized()))) {
                end += tokens.get(end + 1).capitalized() ? 2 : 3;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean onlySpaceBetween(List<Token> tokens, int index, String sentence) {
        return sentence.substring(tokens.get(index - 1).end(), tokens.get(index).start()).isBlank();
    }

    private void classify(List<Token> span, List<Token> before, List<Token> after, boolean sentenceStart,
                          String language, List<Found> found) {
        List<String> words = span.stream().map(Token::text).toList();
        String name = String.join(" ", words);
        if (gazetteer.isPlace(name)) {
            found.add(new Found(Kind.PLACE, name));
            return;
        }
        if (gazetteer.isOrganisation(name)) {
            found.add(new Found(Kind.ORGANISATION, name));
            return;
        }
        for (List<String> cue : gazetteer.personCues) {
            int at = indexOf(words, cue);
            if (at >= 0) {
                if (at > 0) {
                    classify(span.subList(0, at), before, span.subList(at, span.size()), sentenceStart, language,
                            found);
                }
                int nameStart = at + cue.size();
                if (nameStart < words.size()) {
                    List<String> person = words.subList(nameStart, Math.min(words.size(), nameStart + 4));
                    if (person.stream().noneMatch(gazetteer.orgCues::contains)) {
                        found.add(new Found(Kind.PERSON, String.join(" ", person)));
                    } else {
                        found.add(new Found(Kind.ORGANISATION, String.join(" ", person)));
                    }
                }
                return;
            }
        }
        int skip = 0;
        while (skip < words.size() && isCommonWord(words.get(skip), language)) {
            skip++;
        }
        if (skip > 0) {
            if (skip < words.size()) {
                classify(span.subList(skip, span.size()), before, after, false, language, found);
            }
            return;
        }
        if (!before.isEmpty() && titleWords.contains(before.get(before.size() - 1).text().toLowerCase(Locale.ROOT))
                && words.size() <= 4) {
            found.add(new Found(Kind.PERSON, name));
            return;
        }
        if (words.stream().anyMatch(gazetteer.orgCues::contains)) {
            found.add(new Found(Kind.ORGANISATION, name));
            return;
        }
        if (words.size() == 1 && ACRONYM.matcher(name).matches() && !INITIALISM.matcher(name).matches()) {
            found.add(new Found(Kind.ORGANISATION, name));
            return;
        }
        boolean nameLike = words.size() >= 2 && words.size() <= 4
                && words.stream().allMatch(word -> word.chars().allMatch(c -> Character.isLetter(c) || c == '-'
                || c == '\'' || c == '’' || c == '.') || CONNECTORS.contains(word));
        if (nameLike && (gazetteer.givenNames.contains(words.get(0)) || speechVerbNear(before, after))) {
            found.add(new Found(Kind.PERSON, name));
            return;
        }
        found.add(new Found(Kind.UNKNOWN, name));
    }

    private boolean isCommonWord(String word, String language) {
        return gazetteer.notEntities.contains(word) || stopwords.contains(language, word)
                || stopwords.inAnyLanguage(word) && word.length() <= 3;
    }

    private static boolean speechVerbNear(List<Token> before, List<Token> after) {
        for (int i = 0; i < Math.min(2, after.size()); i++) {
            if (SPEECH_VERBS.contains(after.get(i).text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return !before.isEmpty() && SPEECH_VERBS.contains(before.get(before.size() - 1).text().toLowerCase(Locale.ROOT));
    }

    private static int indexOf(List<String> words, List<String> cue) {
        outer:
        for (int i = 0; i + cue.size() <= words.size(); i++) {
            for (int j = 0; j < cue.size(); j++) {
                if (!words.get(i + j).equalsIgnoreCase(cue.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Merges surnames into full names and counts mentions; unknown names count only as a known person's surname. */
    private static Entities count(List<Found> found) {
        Map<String, String> fullNameBySurname = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.kind() == Kind.PERSON && f.name().contains(" ")) {
                String surname = f.name().substring(f.name().lastIndexOf(' ') + 1);
                fullNameBySurname.merge(surname, f.name(), (a, b) -> a.length() >= b.length() ? a : b);
            }
        }
        Map<String, Integer> people = new LinkedHashMap<>();
        Map<String, Integer> organisations = new LinkedHashMap<>();
        Map<String, Integer> places = new LinkedHashMap<>();
        for (Found f : found) {
            switch (f.kind()) {
                case PERSON -> {
                    String surname = f.name().substring(f.name().lastIndexOf(' ') + 1);
                    people.merge(fullNameBySurname.getOrDefault(surname, f.name()), 1, Integer::sum);
                }
                case ORGANISATION -> organisations.merge(f.name(), 1, Integer::sum);
                case PLACE -> places.merge(f.name(), 1, Integer::sum);
                case UNKNOWN -> {
                    String full = fullNameBySurname.get(f.name());
                    if (full != null) {
                        people.merge(full, 1, Integer::sum);
                    }
                }
            }
        }
        return new Entities(ranked(people), ranked(organisations), ranked(places));
    }

    private static List<EntityMention> ranked(Map<String, Integer> counts) {
        List<EntityMention> mentions = new ArrayList<>();
        counts.forEach((name, count) -> mentions.add(new EntityMention(name, count)));
        // Stable sort: equal counts keep the order of first mention.
        mentions.sort(Comparator.comparingInt(EntityMention::mentions).reversed());
        return mentions;
    }

    private static List<Token> tokenize(String sentence) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(sentence);
        while (matcher.find()) {
            String text = matcher.group();
            int end = matcher.end();
            boolean closes = false;
            if (text.endsWith(".") && !INITIALISM.matcher(text).matches() && !isAbbreviation(text)) {
                text = text.substring(0, text.length() - 1);
                closes = true;
            }
            if (text.endsWith("’s") || text.endsWith("'s")) {
                text = text.substring(0, text.length() - 2);
                closes = true;
            }
            if (!text.isEmpty()) {
                tokens.add(new Token(text, matcher.start(), end, closes));
            }
        }
        return tokens;
    }

    private static boolean isAbbreviation(String token) {
        return token.length() <= 5 && Character.isUpperCase(token.charAt(0))
                && Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Sra.", "Srta.", "St.", "Gen.", "Sen.",
                "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Rev.", "M.", "Mme.", "Dra.", "Jr.").contains(token);
    }
}
