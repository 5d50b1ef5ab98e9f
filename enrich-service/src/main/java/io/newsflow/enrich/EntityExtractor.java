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
 *
 * <p>Runs are index ranges over the sentence's tokens ({@code [from, to)}), and names are joined into strings only
 * when one is looked up in a multi-word list or reported: this runs on every capitalized word of every article.
 */
final class EntityExtractor {

    /** People, organisations and places with mention counts, most mentioned first. */
    record Entities(List<EntityMention> people, List<EntityMention> organisations, List<EntityMention> places) {
    }

    private enum Kind { PERSON, ORGANISATION, PLACE, UNKNOWN }

    /** A word of the sentence as entity rules see it: a known abbreviation keeps its dot, a possessive loses its 's. */
    private static final class Token {
        final String text;
        final int start;
        final int end;
        final boolean closesSpan;
        final boolean capitalized;
        private String lower;

        /** {@code lower}: the text in lower case if already known (the analysed word's), else null. */
        Token(String text, String lower, int start, int end, boolean closesSpan) {
            this.text = text;
            this.lower = lower;
            this.start = start;
            this.end = end;
            this.closesSpan = closesSpan;
            this.capitalized = Character.isUpperCase(text.codePointAt(0));
        }

        String lower() {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            return lower;
        }
    }

    private record Found(Kind kind, String name) {
    }

    /** One sentence being read: its tokens, the article's language and function words, and what was found so far. */
    private static final class Sentence {
        final String text;
        final Token[] tokens;
        final String language;
        final Set<String> functionWords;
        final List<Found> found;

        Sentence(String text, Token[] tokens, String language, Set<String> functionWords, List<Found> found) {
            this.text = text;
            this.tokens = tokens;
            this.language = language;
            this.functionWords = functionWords;
            this.found = found;
        }

        String word(int i) {
            return tokens[i].text;
        }

        /** The words {@code [from, to)} one space apart: a name. */
        String join(int from, int to) {
            if (to - from == 1) {
                return tokens[from].text;
            }
            int length = to - from - 1;
            for (int i = from; i < to; i++) {
                length += tokens[i].text.length();
            }
            StringBuilder name = new StringBuilder(length);
            for (int i = from; i < to; i++) {
                if (i > from) {
                    name.append(' ');
                }
                name.append(tokens[i].text);
            }
            return name.toString();
        }

        void add(Kind kind, String name) {
            found.add(new Found(kind, name));
        }
    }

    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}&]{1,6}");
    private static final Set<String> CONNECTORS = WordSet.of("of", "de", "del", "la", "las", "los", "le", "du", "des",
            "van", "von", "der", "den", "da", "di", "al", "bin", "ibn", "the", "for", "d’", "y", "and", "&", "et",
            "und");
    /** "and" in the languages covered: it may join two organisations into one run of capitals. */
    private static final Set<String> CONJUNCTIONS = WordSet.of("and", "&", "y", "et", "und");
    /** Acronyms that name things, not organisations. */
    private static final Set<String> NON_ORGANISATION_ACRONYMS = WordSet.of("AI", "CEO", "CFO", "GDP", "TV", "PC", "EV",
            "DNA", "RNA", "HIV", "AIDS", "COVID", "CO2", "PM", "AM", "OK", "VAR", "IPO", "ETF", "PIB", "BIP", "TVA",
            "IVA", "MwSt", "KI", "IA", "PDF", "USB", "GPS", "SMS", "CEST", "CET", "GMT", "UTC");
    private static final Comparator<List<String>> LONGEST_FIRST = Comparator.comparingInt(
            (List<String> cue) -> cue.size()).reversed();

    /** Connectors that join names of organisations but never a person's name. */
    private static final Set<String> WEAK_CONNECTORS = WordSet.of("of", "the", "for", "and", "&", "y", "et", "und");
    private static final Set<String> ORGANISATION_HEADS = WordSet.of("Museum", "Museo", "Musée", "Fund", "Fondo",
            "Fonds", "Observatory", "Institute", "Instituto", "Institut", "Cooperative", "Cooperativa", "Coopérative",
            "Times", "Post", "Journal", "Club", "Academy", "Academia", "Académie", "Akademie", "Council",
            "Commission", "Union", "Agency", "Authority", "Ministry", "Party", "Bank");
    private static final Set<String> PLACE_HEADS = WordSet.of("City", "Province", "County", "District", "Island",
            "Islands", "Valley", "River", "Bay", "Coast", "Region", "State", "Provincia", "Región", "Département",
            "Landkreis");
    private static final Set<String> THING_HEADS = WordSet.of("Telescope", "Prize", "Award", "Cup", "League",
            "Festival", "Bridge", "Street", "Avenue", "Road", "Airport", "Station", "Stadium", "Hospital", "Act",
            "Bill", "Agreement", "Treaty", "Summit", "War", "Games", "Olympics", "Championship", "Index", "Day",
            "Week", "Marathon", "Tour", "Mission", "Program", "Programme", "Plan", "Strategy", "Report");
    private static final Set<String> PLACE_PREPOSITIONS = WordSet.of("in", "near", "outside", "en", "à", "bei", "nahe");
    private static final Set<String> PLACE_NOUNS_AFTER = WordSet.of("province", "region", "county", "district",
            "prefecture", "state", "provincia", "región", "département", "région");
    private static final Set<String> SPEECH_VERBS = WordSet.of("said", "says", "told", "added", "noted", "stated",
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
        this.titleWords = WordSet.copyOf(gazetteer.personCues.stream().filter(cue -> cue.size() == 1)
                .map(cue -> cue.get(0).toLowerCase(Locale.ROOT)).toList());
        Map<String, List<List<String>>> byFirstWord = new java.util.HashMap<>();
        for (List<String> cue : gazetteer.personCues) {
            byFirstWord.computeIfAbsent(cue.get(0).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(cue);
        }
        // Each word's cues sorted once, longest first (a stable sort: equal lengths keep the list's order).
        byFirstWord.forEach((word, cues) -> {
            List<List<String>> sorted = new ArrayList<>(cues);
            sorted.sort(LONGEST_FIRST);
            cuesByFirstWord.put(word, List.copyOf(sorted));
        });
    }

    Entities extract(List<String> sentences, String language) {
        List<Found> found = new ArrayList<>();
        Set<String> functionWords = stopwords.of(language);
        for (String sentence : sentences) {
            find(new Sentence(sentence, tokenize(sentence), language, functionWords, found));
        }
        return count(found);
    }

    /** As {@link #extract(List, String)} over the headline and sentences, reusing the words already found in them. */
    Entities extract(AnalyzedText text, String language) {
        List<Found> found = new ArrayList<>();
        Set<String> functionWords = stopwords.of(language);
        find(new Sentence(text.headlineText, tokens(text.headlineText, text.headline), language, functionWords,
                found));
        for (int i = 0; i < text.sentenceTexts.size(); i++) {
            String sentence = text.sentenceTexts.get(i);
            find(new Sentence(sentence, tokens(sentence, text.sentences.get(i)), language, functionWords, found));
        }
        return count(found);
    }

    private void find(Sentence s) {
        Token[] tokens = s.tokens;
        int i = 0;
        while (i < tokens.length) {
            if (!tokens[i].capitalized) {
                i++;
                continue;
            }
            int end = spanEnd(s, i);
            classify(s, i, end, i - 1, end, tokens.length, i == 0);
            i = end;
        }
    }

    /** The end (exclusive) of the run of capitalized tokens starting at {@code start}. */
    private static int spanEnd(Sentence s, int start) {
        Token[] tokens = s.tokens;
        int end = start + 1;
        while (end < tokens.length && !tokens[end - 1].closesSpan && onlySpaceBetween(s, end)) {
            Token next = tokens[end];
            if (next.capitalized) {
                end++;
            } else if (CONNECTORS.contains(next.text) && end + 1 < tokens.length
                    && onlySpaceBetween(s, end + 1)
                    && (tokens[end + 1].capitalized || (CONNECTORS.contains(tokens[end + 1].text)
                    && end + 2 < tokens.length && tokens[end + 2].capitalized))) {
                end += tokens[end + 1].capitalized ? 2 : 3;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean onlySpaceBetween(Sentence s, int index) {
        for (int i = s.tokens[index - 1].end; i < s.tokens[index].start; i++) {
            if (!Words.isWhitespace(s.text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Classifies the run {@code [from, to)}. What stands around it, for the rules that look there: the token before
     * it ({@code previous}, -1 for none) and the tokens after it ({@code [afterFrom, afterTo)}). Both are the
     * sentence's neighbours at the top level, and parts of the run itself once a run is split.
     */
    private void classify(Sentence s, int from, int to, int previous, int afterFrom, int afterTo,
                          boolean sentenceStart) {
        int size = to - from;
        if (isPlace(s, from, to)) {
            s.add(Kind.PLACE, s.join(from, to));
            return;
        }
        if (isOrganisation(s, from, to)) {
            s.add(Kind.ORGANISATION, s.join(from, to));
            return;
        }
        if (personByCue(s, from, to, previous, sentenceStart)) {
            return;
        }
        if (organisationByCue(s, from, to, previous, afterFrom, afterTo, sentenceStart)) {
            return;
        }
        int skip = 0;
        while (skip < size && isCommonWord(s, from + skip, sentenceStart && skip == 0)) {
            skip++;
        }
        if (skip > 0) {
            if (skip < size) {
                classify(s, from + skip, to, previous, afterFrom, afterTo, false);
            }
            return;
        }
        int connector = firstWeakConnector(s, from, to);
        if (connector > 0) {
            classify(s, from, from + connector, previous, from + connector, to, sentenceStart);
            int rest = connector;
            while (rest < size && CONNECTORS.contains(s.word(from + rest))) {
                rest++;
            }
            if (rest < size) {
                classify(s, from + rest, to, from + rest - 1, afterFrom, afterTo, false);
            }
            return;
        }
        if (previous >= 0 && titleWords.contains(s.tokens[previous].lower()) && size <= 4
                && looksLikeName(s, from, to)) {
            s.add(Kind.PERSON, s.join(from, to));
            return;
        }
        if (size == 1 && isAcronym(s.word(from)) && !INITIALISM.matcher(s.word(from)).matches()
                && !NON_ORGANISATION_ACRONYMS.contains(s.word(from))) {
            s.add(Kind.ORGANISATION, s.word(from));
            return;
        }
        String head = s.word(to - 1);
        if (size >= 2 && ORGANISATION_HEADS.contains(head)) {
            s.add(Kind.ORGANISATION, s.join(from, to));
            return;
        }
        if (size >= 2 && PLACE_HEADS.contains(head)) {
            s.add(Kind.PLACE, s.join(from, to));
            return;
        }
        if (THING_HEADS.contains(head)) {
            return;
        }
        if (looksLikeName(s, from, to) && size >= 2
                && (gazetteer.givenNames.contains(s.word(from)) || speechVerbNear(s, previous, afterFrom, afterTo))) {
            s.add(Kind.PERSON, s.join(from, to));
            return;
        }
        if (size >= 2 && knownParts(s, from, to)) {
            return;
        }
        if (size == 1 && previous >= 0 && !sentenceStart
                && PLACE_PREPOSITIONS.contains(s.word(previous))
                && !gazetteer.orgCues.contains(s.word(from)) && !gazetteer.givenNames.contains(s.word(from))) {
            s.add(Kind.PLACE, s.word(from));
            return;
        }
        if (size == 1 && afterTo > afterFrom && PLACE_NOUNS_AFTER.contains(s.word(afterFrom))) {
            s.add(Kind.PLACE, s.word(from));
            return;
        }
        s.add(Kind.UNKNOWN, s.join(from, to));
    }

    /** A role or honorific in or just before the span names a person: "Foreign Minister Sergei Lavrov", "M. Dupont". */
    private boolean personByCue(Sentence s, int from, int to, int previous, boolean sentenceStart) {
        int size = to - from;
        for (List<String> cue : cuesIn(s, from, to)) {
            int at = indexOf(s, from, to, cue);
            if (at < 0) {
                continue;
            }
            int nameStart = at + cue.size();
            int nameEnd = nameStart;
            while (nameEnd < size && nameEnd - nameStart < 4 && !WEAK_CONNECTORS.contains(s.word(from + nameEnd))) {
                nameEnd++;
            }
            if (nameEnd > nameStart && (anyOrganisationCue(s, from + nameStart, from + nameEnd)
                    || isOrganisation(s, from + nameStart, from + nameEnd))) {
                return false; // "General Motors", "President Hotel Group": not a person after all
            }
            if (at > 0) {
                classify(s, from, from + at, previous, from + at, to, sentenceStart);
            }
            if (nameEnd > nameStart) {
                s.add(Kind.PERSON, s.join(from + nameStart, from + nameEnd));
            }
            if (nameEnd < size) {
                int rest = nameEnd;
                while (rest < size && CONNECTORS.contains(s.word(from + rest))) {
                    rest++;
                }
                if (rest < size) {
                    classify(s, from + rest, to, from + rest - 1, to, to, false);
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The person cues whose first word occurs in the span, longest first (in order of the span's words if equal).
     * Most spans hold one cue word at most: its cues are already in that order.
     */
    private List<List<String>> cuesIn(Sentence s, int from, int to) {
        List<List<String>> only = null;
        List<List<String>> cues = null;
        for (int i = from; i < to; i++) {
            List<List<String>> starting = cuesByFirstWord.get(s.tokens[i].lower());
            if (starting == null) {
                continue;
            }
            if (only == null && cues == null) {
                only = starting;
            } else {
                if (cues == null) {
                    cues = new ArrayList<>(only);
                    only = null;
                }
                cues.addAll(starting);
            }
        }
        if (cues == null) {
            return only != null ? only : List.of();
        }
        cues.sort(LONGEST_FIRST);
        return cues;
    }

    /**
     * A cue word ("Bank", "Council", "Partido") or a known organisation inside the span makes it an organisation,
     * from the segment that holds it to the end: "Securities and Exchange Commission", "Philippine Red Cross",
     * "Toyota Motor". A person or place before "of the" stays apart: "Omar Haddad of the Muslim Council of Elders".
     */
    private boolean organisationByCue(Sentence s, int from, int to, int previous, int afterFrom, int afterTo,
                                      boolean sentenceStart) {
        int size = to - from;
        for (int k = 1; k < size - 1; k++) {
            if (CONJUNCTIONS.contains(s.word(from + k))
                    && hasOrganisationMark(s, from, from + k) && hasOrganisationMark(s, from + k + 1, to)) {
                // "the European Space Agency and the Canadian Space Agency": two organisations, not one
                classify(s, from, from + k, previous, from + k, to, sentenceStart);
                int rest = k + 1;
                while (rest < size - 1 && CONNECTORS.contains(s.word(from + rest))) {
                    rest++;
                }
                classify(s, from + rest, to, from + rest - 1, afterFrom, afterTo, false);
                return true;
            }
        }
        int cue = -1;
        for (int i = 0; i < size; i++) {
            if (isOrganisationCue(s.word(from + i))) {
                cue = i;
                break;
            }
        }
        if (cue < 0) {
            for (int i = 1; i < size && cue < 0; i++) {
                if (isOrganisation(s, from + i, to) && !isPlace(s, from, from + i)) {
                    cue = i;
                }
                if (size - i <= 2 && isOrganisation(s, from, from + i) && noConnectorOrGivenName(s, from + i, to)) {
                    cue = 0; // "Toyota Motor", "Samsung Electronics": a known name and its corporate tail
                }
            }
        }
        if (cue < 0 || size == 1) {
            return false;
        }
        int segmentStart = 0;
        for (int i = cue - 1; i >= 0; i--) {
            if (WEAK_CONNECTORS.contains(s.word(from + i))) {
                segmentStart = i + 1;
                break;
            }
        }
        if (segmentStart > 0) {
            int leftEnd = segmentStart - 1;
            while (leftEnd > 0 && CONNECTORS.contains(s.word(from + leftEnd - 1))) {
                leftEnd--;
            }
            boolean leftStandsAlone = leftEnd > 0 && (gazetteer.givenNames.contains(s.word(from))
                    || isPlace(s, from, from + leftEnd) || isOrganisation(s, from, from + leftEnd));
            if (leftStandsAlone || sentenceStart) {
                // A person or place before "of the" stays apart; a capitalized sentence opening is no name at all.
                if (leftStandsAlone) {
                    classify(s, from, from + leftEnd, previous, from + leftEnd, to, false);
                }
                s.add(Kind.ORGANISATION, s.join(from + segmentStart, to));
                return true;
            }
        }
        int start = 0;
        while (start < size - 1 && (gazetteer.notEntities.contains(s.word(from + start))
                && !gazetteer.orgCues.contains(s.word(from + start)) && isSentenceWord(s, from + start))) {
            start++;
        }
        s.add(Kind.ORGANISATION, s.join(from + start, to));
        return true;
    }

    private boolean isOrganisationCue(String word) {
        return gazetteer.orgCues.contains(word) || ORGANISATION_HEADS.contains(word);
    }

    private boolean anyOrganisationCue(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (gazetteer.orgCues.contains(s.word(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean noConnectorOrGivenName(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CONNECTORS.contains(s.word(i)) || gazetteer.givenNames.contains(s.word(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean hasOrganisationMark(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isOrganisationCue(s.word(i))) {
                return true;
            }
        }
        return isOrganisation(s, from, to);
    }

    /** Known places and organisations inside an unknown run: "Ukraine NATO membership" holds Ukraine and NATO. */
    private boolean knownParts(Sentence s, int from, int to) {
        boolean any = false;
        int i = from;
        while (i < to) {
            int matched = 0;
            for (int j = to; j > i; j--) {
                boolean place = isPlace(s, i, j);
                if (place || isOrganisation(s, i, j)) {
                    s.add(place ? Kind.PLACE : Kind.ORGANISATION, s.join(i, j));
                    matched = j - i;
                    any = true;
                    break;
                }
            }
            i += Math.max(1, matched);
        }
        return any;
    }

    /**
     * Whether the words {@code [from, to)} name a known place. A name of several words is joined only when its first
     * word starts some listed name.
     */
    private boolean isPlace(Sentence s, int from, int to) {
        return to - from == 1 ? gazetteer.isPlace(s.word(from))
                : gazetteer.mayStartPlace(s.word(from)) && gazetteer.isPlace(s.join(from, to));
    }

    /** As {@link #isPlace(Sentence, int, int)}, for a known organisation. */
    private boolean isOrganisation(Sentence s, int from, int to) {
        return to - from == 1 ? gazetteer.isOrganisation(s.word(from))
                : gazetteer.mayStartOrganisation(s.word(from)) && gazetteer.isOrganisation(s.join(from, to));
    }

    private static boolean isSentenceWord(Sentence s, int i) {
        return s.functionWords.contains(s.tokens[i].lower());
    }

    private static int firstWeakConnector(Sentence s, int from, int to) {
        for (int i = 1; i < to - from - 1; i++) {
            if (WEAK_CONNECTORS.contains(s.word(from + i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean looksLikeName(Sentence s, int from, int to) {
        if (to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            String word = s.word(i);
            if (!CONNECTORS.contains(word) && !nameCharactersOnly(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameCharactersOnly(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean letter = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
            if (!letter && c != '-' && c != '\'' && c != '’' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #ACRONYM}: an upper-case letter, then one to six upper-case letters, digits or ampersands. Most words
     * fail on their second letter, in lower case, and never reach the regex.
     */
    private static boolean isAcronym(String word) {
        if (word.length() < 2) {
            return false;
        }
        char second = word.charAt(1);
        return !(second >= 'a' && second <= 'z') && ACRONYM.matcher(word).matches();
    }

    /** A word that is no name on its own: a listed non-entity, or a function word opening the sentence. */
    private boolean isCommonWord(Sentence s, int i, boolean opensSentence) {
        Token token = s.tokens[i];
        return gazetteer.notEntities.contains(token.text) || (opensSentence && (s.functionWords.contains(token.lower())
                || stopwords.inAnyLanguage(token.lower()) && token.text.length() <= 3));
    }

    private static boolean speechVerbNear(Sentence s, int previous, int afterFrom, int afterTo) {
        for (int i = afterFrom; i < Math.min(afterFrom + 2, afterTo); i++) {
            if (SPEECH_VERBS.contains(s.tokens[i].lower())) {
                return true;
            }
        }
        return previous >= 0 && SPEECH_VERBS.contains(s.tokens[previous].lower());
    }

    /** Where {@code cue} first occurs in the run, relative to its start; -1 if nowhere. */
    private static int indexOf(Sentence s, int from, int to, List<String> cue) {
        outer:
        for (int i = 0; from + i + cue.size() <= to; i++) {
            for (int j = 0; j < cue.size(); j++) {
                if (!s.word(from + i + j).equalsIgnoreCase(cue.get(j))) {
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
        // Loops rather than streams: this runs on every article, most of which name few organisations.
        List<String> fullNames = new ArrayList<>();
        for (Found f : found) {
            if (f.kind() == Kind.ORGANISATION && f.name().indexOf(' ') >= 0 && !fullNames.contains(f.name())) {
                fullNames.add(f.name());
            }
        }
        List<String> initials = new ArrayList<>(fullNames.size());
        for (String fullName : fullNames) {
            initials.add(initials(fullName));
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.kind() != Kind.ORGANISATION || f.name().contains(" ")) {
                continue;
            }
            for (int i = 0; i < fullNames.size(); i++) {
                String full = fullNames.get(i);
                boolean acronym = f.name().equals(initials.get(i));
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

    /** The first letters of a name's words but its connectors: "IMF" for "International Monetary Fund". */
    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split(" ")) {
            if (!CONNECTORS.contains(word) && !WEAK_CONNECTORS.contains(word)) {
                initials.append(word, 0, 1);
            }
        }
        return initials.toString();
    }

    private static List<EntityMention> ranked(Map<String, Integer> counts) {
        List<EntityMention> mentions = new ArrayList<>();
        counts.forEach((name, count) -> mentions.add(new EntityMention(name, count)));
        // Stable sort: equal counts keep the order of first mention.
        mentions.sort(Comparator.comparingInt(EntityMention::mentions).reversed());
        return mentions;
    }

    private static Token[] tokenize(String sentence) {
        List<Token> tokens = new ArrayList<>();
        Words.scan(sentence, (text, start, end, breakBefore) -> addToken(text, text.substring(start, end), null, start,
                end, tokens));
        return tokens.toArray(Token[]::new);
    }

    private static Token[] tokens(String sentence, List<AnalyzedText.Word> words) {
        List<Token> tokens = new ArrayList<>(words.size());
        for (AnalyzedText.Word word : words) {
            boolean whole = word.text().length() == word.end() - word.start();
            // The analysed word's lower case is the token's when the token is the word as written.
            addToken(sentence, whole ? word.text() : sentence.substring(word.start(), word.end()),
                    whole ? word.lower() : null, word.start(), word.end(), tokens);
        }
        return tokens.toArray(Token[]::new);
    }

    /**
     * Adds the word {@code text[start, end)}, written {@code word} ({@code lower} in lower case, or null if not known
     * yet), as the entity rules see it.
     */
    private static void addToken(String text, String word, String lower, int start, int end, List<Token> tokens) {
        String written = word;
        int tokenEnd = end;
        boolean closes = false;
        if (end < text.length() && text.charAt(end) == '.') {
            // The word and its dot, text[start, end + 1), checked without making the string first.
            if (isAbbreviation(text, start, end + 1)
                    || (word.indexOf('.') > 0 && Words.isInitialism(text, start, end + 1))) {
                word = word + ".";
                tokenEnd = end + 1;
            } else {
                closes = true; // the end of a sentence, or of an abbreviation we do not know: names stop here
            }
        }
        // Most words end in neither: their last letter says so without comparing the endings.
        char last = word.isEmpty() ? 0 : word.charAt(word.length() - 1);
        if (last == 'd' && word.endsWith("-based") && word.length() > 6) {
            word = word.substring(0, word.length() - 6); // "France-based": the place, then a new name
            closes = true;
            last = word.isEmpty() ? 0 : word.charAt(word.length() - 1);
        }
        if (last == 's' && (word.endsWith("’s") || word.endsWith("'s"))) {
            word = word.substring(0, word.length() - 2);
            closes = true;
        }
        if (!word.isEmpty()) {
            tokens.add(new Token(word, word == written ? lower : null, start, tokenEnd, closes));
        }
    }

    private static final Set<String> ABBREVIATIONS = WordSet.of("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Sra.",
            "Srta.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Rev.", "M.", "Mme.", "Dra.",
            "Jr.");

    private static boolean isAbbreviation(String text, int start, int end) {
        return end - start <= 5 && ABBREVIATIONS.contains(text.substring(start, end));
    }
}
