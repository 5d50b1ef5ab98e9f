package io.newsflow.publish.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

/**
 * A ROME feed as UTF-8 XML bytes. ROME builds the JDOM document; it is written here with JDOM's raw format, because
 * ROME's own {@code WireFeedOutput.output*} methods use the pretty or compact formats, which trim and collapse the
 * whitespace inside text, and an article's line breaks are part of its text.
 */
final class WireFeedXml {

    private static final Format RAW_UTF8 = Format.getRawFormat()
            .setEncoding(StandardCharsets.UTF_8.name())
            // Line breaks inside text stay as they are (JDOM would write each LF as CRLF); CR is escaped as &#xD;.
            .setLineSeparator(LineSeparator.NONE);

    private WireFeedXml() {
    }

    static byte[] write(WireFeed feed) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            new XMLOutputter(RAW_UTF8).output(new WireFeedOutput().outputJDom(feed), bytes);
            return bytes.toByteArray();
        } catch (FeedException e) {
            throw new IllegalStateException("ROME refused a " + feed.getFeedType() + " feed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
    }
}
