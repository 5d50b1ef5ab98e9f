"""Reads one feed from stdin with a parser that is not newsflow's and prints, as JSON, what a feed reader sees.

Usage: /usr/bin/python3 read_feed.py json|atom|rss CONTENT_TYPE URL < FEED

Atom and RSS are read by feedparser (Debian's python3-feedparser), the parser behind many readers: it reports
malformed XML as "bozo" and sanitizes HTML as a reader would. feedparser 6.0 does not read JSON Feed, so a JSON Feed
is read by Python's json module and checked against the JSON Feed 1.1 rules a reader relies on.

Prints {"bozo", "bozo_exception", "version", "links": [{"rel", "href"}],
        "entries": [{"id", "title", "title_type", "title_text", "summary", "summary_type", "summary_text",
                     "markup", "links"}]}
where *_text is what a reader shows (the text of HTML values) and markup lists the HTML tags left in titles and
summaries after sanitizing.
"""
import json
import sys
from datetime import datetime
from html.parser import HTMLParser


class _Text(HTMLParser):
    """The text of an HTML fragment (character references resolved) and the tags it has."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def shown(value, content_type):
    """What a reader shows of a value, and the tags in it."""
    if value is None:
        return None, []
    if content_type not in ("text/html", "application/xhtml+xml"):
        return value, []
    parser = _Text()
    parser.feed(value)
    parser.close()
    return "".join(parser.text), parser.tags


def read_xml(data, content_type, url):
    import feedparser  # imported here so a JSON Feed can be read without it; the test checks it is installed

    parsed = feedparser.parse(data, response_headers={"content-type": content_type, "content-location": url})
    entries = []
    for entry in parsed.entries:
        title_type = entry.get("title_detail", {}).get("type")
        summary_type = entry.get("summary_detail", {}).get("type")
        title_text, title_tags = shown(entry.get("title"), title_type)
        summary_text, summary_tags = shown(entry.get("summary"), summary_type)
        entries.append({
            "id": entry.get("id"),
            "title": entry.get("title"), "title_type": title_type, "title_text": title_text,
            "summary": entry.get("summary"), "summary_type": summary_type, "summary_text": summary_text,
            "markup": title_tags + summary_tags,
            "links": [{"rel": link.get("rel"), "href": link.get("href")} for link in entry.get("links", [])],
        })
    return {
        "bozo": bool(parsed.bozo),
        "bozo_exception": repr(parsed.get("bozo_exception")) if parsed.bozo else None,
        "version": parsed.get("version"),
        "links": [{"rel": link.get("rel"), "href": link.get("href")} for link in parsed.feed.get("links", [])],
        "entries": entries,
    }


def read_json_feed(data):
    problems = []

    def check(condition, problem):
        if not condition:
            problems.append(problem)

    try:
        feed = json.loads(data.decode("utf-8"))
    except ValueError as error:
        return {"bozo": True, "bozo_exception": repr(error), "version": None, "links": [], "entries": []}
    check(isinstance(feed, dict), "the feed is not a JSON object")
    feed = feed if isinstance(feed, dict) else {}
    check(feed.get("version") == "https://jsonfeed.org/version/1.1", "version is not JSON Feed 1.1")
    check(isinstance(feed.get("title"), str), "title is required")
    check(isinstance(feed.get("items"), list), "items is required")
    links = [{"rel": rel, "href": feed[key]} for rel, key in (("self", "feed_url"), ("next", "next_url"),
                                                               ("alternate", "home_page_url")) if key in feed]
    for link in links:
        check(str(link["href"]).startswith(("http://", "https://")), link["rel"] + " is not an absolute URL")
    entries = []
    for item in feed.get("items") or []:
        check(isinstance(item.get("id"), str), "an item has no string id")
        check(isinstance(item.get("content_text"), str) or isinstance(item.get("content_html"), str),
              "item " + str(item.get("id")) + " has neither content_text nor content_html")
        for key in ("date_published", "date_modified"):
            if key in item:
                try:
                    datetime.fromisoformat(item[key].replace("Z", "+00:00"))
                except (TypeError, ValueError):
                    problems.append("item " + str(item.get("id")) + " " + key + " is not RFC 3339")
        for key in ("url", "external_url"):
            if key in item:
                check(str(item[key]).startswith(("http://", "https://")), "item " + key + " is not a web URL")
        entries.append({
            "id": item.get("id"),
            "title": item.get("title"), "title_type": "text/plain", "title_text": item.get("title"),
            "summary": item.get("summary"), "summary_type": "text/plain", "summary_text": item.get("summary"),
            "markup": [],
            "links": [{"rel": "alternate", "href": item[key]} for key in ("url",) if key in item],
        })
    return {"bozo": bool(problems), "bozo_exception": "; ".join(problems) or None, "version": feed.get("version"),
            "links": links, "entries": entries}


def main():
    kind, content_type, url = sys.argv[1:4]
    data = sys.stdin.buffer.read()
    result = read_json_feed(data) if kind == "json" else read_xml(data, content_type, url)
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
