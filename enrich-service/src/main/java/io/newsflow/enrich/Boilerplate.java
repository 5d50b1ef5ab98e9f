package io.newsflow.enrich;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Paragraphs that are page furniture, not article: standalone ad labels in the languages newsflow covers, skip and
 * back-to-top links, share and subscribe prompts. Only short paragraphs are judged, so an article sentence that
 * happens to mention a newsletter is never taken out.
 */
final class Boilerplate {

    private static final Set<String> AD_LABELS = Set.of(
            "advertisement", "advertising", "advert", "ad", "ads", "sponsored", "sponsored content", "promoted",
            "paid content", "paid post", "partner content",
            "publicidad", "anuncio", "contenido patrocinado", "patrocinado",
            "publicité", "publicite", "pub", "annonce", "contenu sponsorisé", "sponsorisé",
            "anzeige", "werbung", "gesponsert", "sponsored by",
            "pubblicità", "publicidade", "advertentie");
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:go back to top|back to top|skip to\\b|skip navigation|jump to\\b|scroll to top"
                    + "|share (?:this|on)\\b|share:|tweet this|email this|print this"
                    + "|subscribe\\b|sign up for\\b|sign up to\\b|follow us\\b|click here\\b|read more\\b"
                    + "|related:|also read:|read also:|more:|listen to this article"
                    + "|volver arriba|ir arriba|comparte?\\b|compartir\\b|suscr[ií]bete\\b|s[ií]guenos\\b|lee también\\b"
                    + "|retour en haut|partager\\b|partagez\\b|abonnez-vous\\b|inscrivez-vous\\b|suivez-nous\\b|lire aussi\\b"
                    + "|nach oben|zum seitenanfang|teilen\\b|jetzt abonnieren|abonnieren sie\\b|folgen sie uns\\b"
                    + "|lesen sie auch\\b|mehr zum thema\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}“”‘’«»–—·|]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_PROMPT_WORDS = 14;
    private static final int MAX_PROMPT_CHARS = 160;
    private static final int MAX_LABEL_CHARS = AD_LABELS.stream().mapToInt(String::length).max().orElse(0);

    private Boilerplate() {
    }

    static boolean isBoilerplate(String paragraph) {
        if (paragraph.length() > MAX_PROMPT_CHARS) {
            return false; // labels and prompts are short; an article paragraph is never judged
        }
        // ASCII letters and digits survive the clean-up below one for one: with more than the longest label has, the
        // paragraph is no label (and not punctuation only), and the regexes that make its bare form are skipped.
        if (asciiLettersAndDigits(paragraph) <= MAX_LABEL_CHARS) {
            String bare = PUNCTUATION.matcher(paragraph).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
            if (bare.isEmpty() && !paragraph.isBlank()) {
                return true; // punctuation only, e.g. a lone separator
            }
            if (AD_LABELS.contains(SPACES.matcher(bare).replaceAll(" "))) {
                return true;
            }
        }
        return PROMPT.matcher(paragraph.strip()).find() && Words.splitCount(paragraph) <= MAX_PROMPT_WORDS;
    }

    private static int asciiLettersAndDigits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && Words.isLetterOrDigit(c)) {
                count++;
            }
        }
        return count;
    }
}
