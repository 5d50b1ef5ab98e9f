package io.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An HTTP error body in RFC 9457 {@code application/problem+json}: every newsflow HTTP API answers errors with one.
 *
 * @param type   a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title  the status's short text
 * @param status the HTTP status
 * @param detail what is wrong with this request, in words a person can act on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    /** The document as it goes on the wire ({@link #MEDIA_TYPE}), written by the one configured mapper. */
    public String toJson() {
        return Json.mapper().valueToTree(this).toString();
    }
}
