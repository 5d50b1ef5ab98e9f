package io.newsflow.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The name lists entity extraction works from: places (countries from the JDK's locale data in every supported
 * language, plus curated cities and regions), organisations, given names, and the cue words that announce a person
 * ("President", "Mr.", "la ministra") or an organisation ("Bank", "Partido", "GmbH"). All resources of this module,
 * loaded once.
 */
final class Gazetteer {

    final Set<String> places = new HashSet<>();
    final Set<String> organisations;
    final Set<String> givenNames;
    final Set<String> orgCues;
    final Set<String> notEntities;
    /** The first word of every listed place and organisation (the whole name if it is one word). */
    private final Set<String> placeFirstWords;
    private final Set<String> organisationFirstWords;
    /** Person cues as token lists, longest first. */
    final List<List<String>> personCues;

    Gazetteer() {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (String language : Stopwords.LANGUAGES) {
                places.add(country.getDisplayCountry(Locale.forLanguageTag(language)));
            }
        }
        places.addAll(Resources.lines("/gazetteer/cities.txt"));
        places.addAll(Resources.lines("/gazetteer/regions.txt"));
        organisations = WordSet.copyOf(Resources.lines("/gazetteer/organisations.txt"));
        givenNames = WordSet.copyOf(Resources.lines("/gazetteer/given-names.txt"));
        orgCues = WordSet.copyOf(Resources.lines("/gazetteer/org-cues.txt"));
        notEntities = WordSet.copyOf(Resources.lines("/gazetteer/not-entities.txt"));
        List<List<String>> cues = new ArrayList<>();
        for (String cue : new HashSet<>(Resources.lines("/gazetteer/person-cues.txt"))) {
            cues.add(List.of(cue.split("\\s+")));
        }
        cues.sort(Comparator.comparingInt((List<String> cue) -> cue.size()).reversed());
        personCues = List.copyOf(cues);
        placeFirstWords = firstWords(places);
        organisationFirstWords = firstWords(organisations);
    }

    /** Whether some listed place's name starts with this word: a name of several words is worth joining to look up. */
    boolean mayStartPlace(String firstWord) {
        return placeFirstWords.contains(firstWord);
    }

    /** Whether some listed organisation's name starts with this word. */
    boolean mayStartOrganisation(String firstWord) {
        return organisationFirstWords.contains(firstWord);
    }

    private static Set<String> firstWords(Set<String> names) {
        Set<String> first = new HashSet<>();
        for (String name : names) {
            int space = name.indexOf(' ');
            first.add(space < 0 ? name : name.substring(0, space));
        }
        return WordSet.copyOf(first);
    }

    boolean isPlace(String name) {
        return places.contains(name);
    }

    boolean isOrganisation(String name) {
        return organisations.contains(name);
    }
}
