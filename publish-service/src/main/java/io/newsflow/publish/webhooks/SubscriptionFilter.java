package io.newsflow.publish.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.contract.ninjs.NinjsDocument;
import java.util.List;
import java.util.Objects;

/**
 * Which articles a subscriber gets, in the feeds' vocabulary. Each given property must match exactly (case and
 * all); absent ones match anything; no property at all matches every article.
 *
 * @param language     the ninjs {@code language} (ISO 639-1, e.g. {@code en})
 * @param subject      a {@code subjects[]} item's {@code name} or {@code uri} (Media Topic or key phrase)
 * @param person       a {@code people[]} item's {@code name}
 * @param organisation an {@code organisations[]} item's {@code name}
 * @param place        a {@code places[]} item's {@code name}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionFilter(String language, String subject, String person, String organisation, String place) {

    public static final SubscriptionFilter NONE = new SubscriptionFilter(null, null, null, null, null);
    /** The property names, as in JSON: what a filter may contain. */
    public static final List<String> PROPERTIES = List.of("language", "subject", "person", "organisation", "place");

    public boolean matches(NinjsDocument article) {
        return (language == null || language.equals(article.language()))
                && (subject == null || nullSafe(article.subjects()).stream()
                        .anyMatch(s -> subject.equals(s.name()) || subject.equals(s.uri())))
                && (person == null || named(article.people(), person))
                && (organisation == null || named(article.organisations(), organisation))
                && (place == null || named(article.places(), place));
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static boolean named(List<NinjsDocument.Entity> entities, String name) {
        return nullSafe(entities).stream().anyMatch(entity -> Objects.equals(name, entity.name()));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
