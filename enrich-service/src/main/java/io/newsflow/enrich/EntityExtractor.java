package io.newsflow.enrich;

import io.newsflow.contract.EnrichedArticle.EntityMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}&]{1,6}");
    private static final Set<String> CONNECTORS = Set.of("of", "de", "del", "la", "las", "los", "le", "du", "des",
            "van", "von", "der", "den", "da", "di", "al", "bin", "ibn", "the", "for", "d’", "y", "and", "&", "et",
            "und");
    /** "and" in the languages covered: it may join two organisations into one run of capitals. */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "&", "y", "et", "und");
    /** Acronyms that name things, not organisations. */
    private static final Set<String> NON_ORGANISATION_ACRONYMS = Set.of("AI", "CEO", "CFO", "GDP", "TV", "PC", "EV",
            "DNA", "RNA", "HIV", "AIDS", "COVID", "CO2", "PM", "AM", "OK", "VAR", "IPO", "ETF", "PIB", "BIP", "TVA",
            "IVA", "MwSt", "KI", "IA", "PDF", "USB", "GPS", "SMS", "CEST", "CET", "GMT", "UTC");
    private static final Comparator<List<String>> LONGEST_FIRST = Comparator.comparingInt(
            (List<String> cue) -> cue.size()).reversed();

    /** The person cues whose first word occurs in the span, longest first. */
    private List<List<String>> cuesIn(List<String> words) {
        List<List<String>> cues = new ArrayList<>();
        for (String word : words) {
            List<List<String>> starting = cuesByFirstWord.get(word.toLowerCase(Locale.ROOT));
            if (starting != null) {
                cues.addAll(starting);
            }
        }
        if (cues.size() > 1) {
            cues.sort(LONGEST_FIRST);
        }
        return cues;
    }

    /** Connectors that join names of organisations but never a person's name. */
    private static final Set<String> WEAK_CONNECTORS = Set.of("of", "the", "for", "and", "&", "y", "et", "und");
    private static final Set<String> ORGANISATION_HEADS = Set.of("Museum", "Museo", "Musée", "Fund", "Fondo",
            "Fonds", "Observatory", "Institute", "Instituto", "Institut", "Cooperative", "Cooperativa", "Coopérative",
            "Times", "Post", "Journal", "Club", "Academy", "Academia", "Académie", "Akademie", "Council",
            "Commission", "Union", "Agency", "Authority", "Ministry", "Party", "Bank");
    private static final Set<String> PLACE_HEADS = Set.of("City", "Province", "County", "District", "Island",
            "Islands", "Valley", "River", "Bay", "Coast", "Region", "State", "Provincia", "Región", "Département",
            "Landkreis");
    private static final Set<String> THING_HEADS = Set.of("Telescope", "Prize", "Award", "Cup", "League",
            "Festival", "Bridge", "Street", "Avenue", "Road", "Airport", "Station", "Stadium", "Hospital", "Act",
            "Bill", "Agreement", "Treaty", "Summit", "War", "Games", "Olympics", "Championship", "Index", "Day",
            "Week", "Marathon", "Tour", "Mission", "Program", "Programme", "Plan", "Strategy", "Report");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "near", "outside", "en", "à", "bei", "nahe");
    private static final Set<String> PLACE_NOUNS_AFTER = Set.of("province", "region", "county", "district",
            "prefecture", "state", "provincia", "región", "département", "région");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "noted", "stated",
            "explained", "argued", "warned", "insisted", "announced", "dijo", "afirmó", "declaró", "aseguró",
            "explicó", "señaló", "indicó", "añadió", "sostuvo", "sagte", "erklärte", "betonte", "sagt", "meinte",
            "déclaré", "affirmé", "expliqué", "indiqué", "ajouté", "estimé", "souligné");

    private final Gazetteer gazetteer;
    private final Stopwords stopwords;
    private final Set<String> titleWords;
    private final Map<String, List<List<String>>> cuesByFirstWord = new java.util.HashMap<>();

    EntityExtractor(Gazetteer gazetteer, Stopwords stopwords) {
        this.gazetteer = gazetteer;
        this.stopwords = stopwords;
        this.titleWords = Set.copyOf(gazetteer.personCues.stream().filter(cue -> cue.size() == 1)
                .map(cue -> cue.get(0).toLowerCase(Locale.ROOT)).toList());
        for (List<String> cue : gazetteer.personCues) {
            cuesByFirstWord.computeIfAbsent(cue.get(0).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(cue);
        }
    }

    Entities extract(List<String> sentences, String language) {
        List<Found> found = new ArrayList<>();
        for (String sentence : sentences) {
            find(sentence, tokenize(sentence), language, found);
        }
        return count(found);
    }

    /** As {@link #extract(List, String)} over the headline and sentences, reusing the words already found in them. */
    Entities extract(AnalyzedText text, String language) {
        List<Found> found = new ArrayList<>();
        find(text.headlineText, tokens(text.headlineText, text.headline), language, found);
        for (int i = 0; i < text.sentenceTexts.size(); i++) {
            String sentence = text.sentenceTexts.get(i);
            find(sentence, tokens(sentence, text.sentences.get(i)), language, found);
        }
        return count(found);
    }

    private void find(String sentence, List<Token> tokens, String language, List<Found> found) {
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
        for (int i = tokens.get(index - 1).end(); i < tokens.get(index).start(); i++) {
            if (!Character.isWhitespace(sentence.charAt(i))) {
                return false;
            }
        }
        return true;
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
        if (personByCue(span, words, before, sentenceStart, language, found)) {
            return;
        }
        if (organisationByCue(span, words, before, after, sentenceStart, language, found)) {
            return;
        }
        int skip = 0;
        while (skip < words.size() && isCommonWord(words.get(skip), sentenceStart && skip == 0, language)) {
            skip++;
        }
        if (skip > 0) {
            if (skip < words.size()) {
                classify(span.subList(skip, span.size()), before, after, false, language, found);
            }
            return;
        }
        int connector = firstWeakConnector(words);
        if (connector > 0) {
            classify(span.subList(0, connector), before, span.subList(connector, span.size()), sentenceStart,
                    language, found);
            int rest = connector;
            while (rest < words.size() && CONNECTORS.contains(words.get(rest))) {
                rest++;
            }
            if (rest < words.size()) {
                classify(span.subList(rest, span.size()), span.subList(0, rest), after, false, language, found);
            }
            return;
        }
        if (!before.isEmpty() && titleWords.contains(before.get(before.size() - 1).text().toLowerCase(Locale.ROOT))
                && words.size() <= 4 && looksLikeName(words)) {
            found.add(new Found(Kind.PERSON, name));
            return;
        }
        if (words.size() == 1 && ACRONYM.matcher(name).matches() && !INITIALISM.matcher(name).matches()
                && !NON_ORGANISATION_ACRONYMS.contains(name)) {
            found.add(new Found(Kind.ORGANISATION, name));
            return;
        }
        String head = words.get(words.size() - 1);
        if (words.size() >= 2 && ORGANISATION_HEADS.contains(head)) {
            found.add(new Found(Kind.ORGANISATION, name));
            return;
        }
        if (words.size() >= 2 && PLACE_HEADS.contains(head)) {
            found.add(new Found(Kind.PLACE, name));
            return;
        }
        if (THING_HEADS.contains(head)) {
            return;
        }
        if (looksLikeName(words) && words.size() >= 2
                && (gazetteer.givenNames.contains(words.get(0)) || speechVerbNear(before, after))) {
            found.add(new Found(Kind.PERSON, name));
            return;
        }
        if (words.size() >= 2 && knownParts(span, before, after, language, found)) {
            return;
        }
        if (words.size() == 1 && !before.isEmpty() && !sentenceStart
                && PLACE_PREPOSITIONS.contains(before.get(before.size() - 1).text())
                && !gazetteer.orgCues.contains(name) && !gazetteer.givenNames.contains(name)) {
            found.add(new Found(Kind.PLACE, name));
            return;
        }
        if (words.size() == 1 && !after.isEmpty() && PLACE_NOUNS_AFTER.contains(after.get(0).text())) {
            found.add(new Found(Kind.PLACE, name));
            return;
        }
        found.add(new Found(Kind.UNKNOWN, name));
    }

    /** A role or honorific in or just before the span names a person: "Foreign Minister Sergei Lavrov", "M. Dupont". */
    private boolean personByCue(List<Token> span, List<String> words, List<Token> before, boolean sentenceStart,
                                String language, List<Found> found) {
        for (List<String> cue : cuesIn(words)) {
            int at = indexOf(words, cue);
            if (at < 0) {
                continue;
            }
            int nameStart = at + cue.size();
            int nameEnd = nameStart;
            while (nameEnd < words.size() && nameEnd - nameStart < 4 && !WEAK_CONNECTORS.contains(words.get(nameEnd))) {
                nameEnd++;
            }
            List<String> person = words.subList(nameStart, nameEnd);
            if (!person.isEmpty() && (person.stream().anyMatch(gazetteer.orgCues::contains)
                    || gazetteer.isOrganisation(String.join(" ", person)))) {
                return false; // "General Motors", "President Hotel Group": not a person after all
            }
            if (at > 0) {
                classify(span.subList(0, at), before, span.subList(at, span.size()), sentenceStart, language, found);
            }
            if (!person.isEmpty()) {
                found.add(new Found(Kind.PERSON, String.join(" ", person)));
            }
            if (nameEnd < words.size()) {
                int rest = nameEnd;
                while (rest < words.size() && CONNECTORS.contains(words.get(rest))) {
                    rest++;
                }
                if (rest < words.size()) {
                    classify(span.subList(rest, span.size()), span.subList(0, rest), List.of(), false, language,
                            found);
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A cue word ("Bank", "Council", "Partido") or a known organisation inside the span makes it an organisation,
     * from the segment that holds it to the end: "Securities and Exchange Commission", "Philippine Red Cross",
     * "Toyota Motor". A person or place before "of the" stays apart: "Omar Haddad of the Muslim Council of Elders".
     */
    private boolean organisationByCue(List<Token> span, List<String> words, List<Token> before, List<Token> after,
                                      boolean sentenceStart, String language, List<Found> found) {
        for (int k = 1; k < words.size() - 1; k++) {
            if (CONJUNCTIONS.contains(words.get(k))
                    && hasOrganisationMark(words.subList(0, k)) && hasOrganisationMark(words.subList(k + 1, words.size()))) {
                // "the European Space Agency and the Canadian Space Agency": two organisations, not one
                classify(span.subList(0, k), before, span.subList(k, span.size()), sentenceStart, language, found);
                int rest = k + 1;
                while (rest < words.size() - 1 && CONNECTORS.contains(words.get(rest))) {
                    rest++;
                }
                classify(span.subList(rest, span.size()), span.subList(0, rest), after, false, language, found);
                return true;
            }
        }
        int cue = -1;
        for (int i = 0; i < words.size(); i++) {
            if (gazetteer.orgCues.contains(words.get(i)) || ORGANISATION_HEADS.contains(words.get(i))) {
                cue = i;
                break;
            }
        }
        if (cue < 0) {
            for (int i = 1; i < words.size() && cue < 0; i++) {
                if (gazetteer.isOrganisation(String.join(" ", words.subList(i, words.size())))
                        && !gazetteer.isPlace(String.join(" ", words.subList(0, i)))) {
                    cue = i;
                }
                List<String> rest = words.subList(i, words.size());
                if (gazetteer.isOrganisation(String.join(" ", words.subList(0, i))) && rest.size() <= 2
                        && rest.stream().noneMatch(w -> CONNECTORS.contains(w) || gazetteer.givenNames.contains(w))) {
                    cue = 0; // "Toyota Motor", "Samsung Electronics": a known name and its corporate tail
                }
            }
        }
        if (cue < 0 || words.size() == 1) {
            return false;
        }
        int segmentStart = 0;
        for (int i = cue - 1; i >= 0; i--) {
            if (WEAK_CONNECTORS.contains(words.get(i))) {
                segmentStart = i + 1;
                break;
            }
        }
        if (segmentStart > 0) {
            int leftEnd = segmentStart - 1;
            while (leftEnd > 0 && CONNECTORS.contains(words.get(leftEnd - 1))) {
                leftEnd--;
            }
            List<String> left = words.subList(0, leftEnd);
            boolean leftStandsAlone = !left.isEmpty() && (gazetteer.givenNames.contains(left.get(0))
                    || gazetteer.isPlace(String.join(" ", left)) || gazetteer.isOrganisation(String.join(" ", left)));
            if (leftStandsAlone || sentenceStart) {
                // A person or place before "of the" stays apart; a capitalized sentence opening is no name at all.
                if (leftStandsAlone) {
                    classify(span.subList(0, leftEnd), before, span.subList(leftEnd, span.size()), false, language,
                            found);
                }
                found.add(new Found(Kind.ORGANISATION, String.join(" ", words.subList(segmentStart, words.size()))));
                return true;
            }
        }
        int start = 0;
        while (start < words.size() - 1 && (gazetteer.notEntities.contains(words.get(start))
                && !gazetteer.orgCues.contains(words.get(start)) && isSentenceWord(words.get(start), language))) {
            start++;
        }
        found.add(new Found(Kind.ORGANISATION, String.join(" ", words.subList(start, words.size()))));
        return true;
    }

    private boolean hasOrganisationMark(List<String> words) {
        return words.stream().anyMatch(w -> gazetteer.orgCues.contains(w) || ORGANISATION_HEADS.contains(w))
                || gazetteer.isOrganisation(String.join(" ", words));
    }

    /** Known places and organisations inside an unknown run: "Ukraine NATO membership" holds Ukraine and NATO. */
    private boolean knownParts(List<Token> span, List<Token> before, List<Token> after, String language,
                               List<Found> found) {
        boolean any = false;
        int i = 0;
        while (i < span.size()) {
            int matched = 0;
            for (int j = span.size(); j > i; j--) {
                String part = String.join(" ", span.subList(i, j).stream().map(Token::text).toList());
                if (gazetteer.isPlace(part) || gazetteer.isOrganisation(part)) {
                    found.add(new Found(gazetteer.isPlace(part) ? Kind.PLACE : Kind.ORGANISATION, part));
                    matched = j - i;
                    any = true;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
        return any;
    }

    private boolean isSentenceWord(String word, String language) {
        return stopwords.contains(language, word);
    }

    private static int firstWeakConnector(List<String> words) {
        for (int i = 1; i < words.size() - 1; i++) {
            if (WEAK_CONNECTORS.contains(words.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean looksLikeName(List<String> words) {
        return words.size() <= 4 && words.stream().allMatch(word -> CONNECTORS.contains(word)
                || word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.'));
    }

    /** A word that is no name on its own: a listed non-entity, or a function word opening the sentence. */
    private boolean isCommonWord(String word, boolean opensSentence, String language) {
        return gazetteer.notEntities.contains(word) || (opensSentence && (stopwords.contains(language, word)
                || stopwords.inAnyLanguage(word) && word.length() <= 3));
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
        Map<String, String> organisationAlias = organisationAliases(found);
        Map<String, Integer> people = new LinkedHashMap<>();
        Map<String, Integer> organisations = new LinkedHashMap<>();
        Map<String, Integer> places = new LinkedHashMap<>();
        for (Found f : found) {
            switch (f.kind()) {
                case PERSON -> {
                    String surname = f.name().substring(f.name().lastIndexOf(' ') + 1);
                    people.merge(fullNameBySurname.getOrDefault(surname, f.name()), 1, Integer::sum);
                }
                case ORGANISATION -> organisations.merge(organisationAlias.getOrDefault(f.name(), f.name()), 1,
                        Integer::sum);
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

    /**
     * Short forms of organisations named in full in the same article: an acronym of the full name's initials
     * ("IMF" for International Monetary Fund) or the first letters of its first word ("Fed" for Federal Reserve).
     */
    private static Map<String, String> organisationAliases(List<Found> found) {
        List<String> fullNames = found.stream().filter(f -> f.kind() == Kind.ORGANISATION && f.name().contains(" "))
                .map(Found::name).distinct().toList();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.kind() != Kind.ORGANISATION || f.name().contains(" ")) {
                continue;
            }
            for (String full : fullNames) {
                String initials = java.util.Arrays.stream(full.split(" "))
                        .filter(word -> !CONNECTORS.contains(word) && !WEAK_CONNECTORS.contains(word))
                        .map(word -> word.substring(0, 1)).reduce("", String::concat);
                boolean acronym = f.name().equals(initials);
                boolean shortForm = f.name().length() >= 3 && !f.name().equals(f.name().toUpperCase(Locale.ROOT))
                        && full.startsWith(f.name());
                if (acronym || shortForm) {
                    aliases.put(f.name(), full);
                    break;
                }
            }
        }
        return aliases;
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
        Words.scan(sentence, (text, start, end, breakBefore) -> addToken(text, text.substring(start, end), start, end,
                tokens));
        return tokens;
    }

    private static List<Token> tokens(String sentence, List<AnalyzedText.Word> words) {
        List<Token> tokens = new ArrayList<>(words.size());
        for (AnalyzedText.Word word : words) {
            String written = word.text().length() == word.end() - word.start() ? word.text()
                    : sentence.substring(word.start(), word.end());
            addToken(sentence, written, word.start(), word.end(), tokens);
        }
        return tokens;
    }

    private static void addToken(String text, String word, int start, int end, List<Token> tokens) {
        int tokenEnd = end;
        boolean closes = false;
        if (end < text.length() && text.charAt(end) == '.') {
            if (isAbbreviation(word + ".") || (word.indexOf('.') > 0 && INITIALISM.matcher(word + ".").matches())) {
                word = word + ".";
                tokenEnd = end + 1;
            } else {
                closes = true; // the end of a sentence, or of an abbreviation we do not know: names stop here
            }
        }
        if (word.endsWith("-based") && word.length() > 6) {
            word = word.substring(0, word.length() - 6); // "France-based": the place, then a new name
            closes = true;
        }
        if (word.endsWith("’s") || word.endsWith("'s")) {
            word = word.substring(0, word.length() - 2);
            closes = true;
        }
        if (!word.isEmpty()) {
            tokens.add(new Token(word, start, tokenEnd, closes));
        }
    }

    private static final Set<String> ABBREVIATIONS = Set.of("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Sra.",
            "Srta.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Rev.", "M.", "Mme.", "Dra.", "Jr.");

    private static boolean isAbbreviation(String token) {
        return token.length() <= 5 && ABBREVIATIONS.contains(token);
    }
}
