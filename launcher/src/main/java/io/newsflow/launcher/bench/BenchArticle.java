package io.newsflow.launcher.bench;

/** One article as the benchmark sends it to news.inbound: key {@code id}, header content-type, the bytes. */
record BenchArticle(String id, String contentType, byte[] value) {
}
