package io.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void uriAndIdAreInverse() {
        assertThat(ArticleIds.uri("000_d5f5171de51368a9")).isEqualTo("urn:newsflow:article:000_d5f5171de51368a9");
        assertThat(ArticleIds.idOf(ArticleIds.uri("x-1"))).isEqualTo("x-1");
        assertThatThrownBy(() -> ArticleIds.idOf("http://example.com/1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesTheSameValidIdFromTheSameOrigin() {
        String id = ArticleIds.derive("news.inbound/0/42");
        assertThat(id).isEqualTo(ArticleIds.derive("news.inbound/0/42")).isNotEqualTo(ArticleIds.derive("news.inbound/0/43"));
        assertThat(ArticleIds.isValid(id)).isTrue();
    }

    @Test
    void acceptsOnlyUrlAndFileSafeIds() {
        assertThat(ArticleIds.isValid("story-2026.11_a")).isTrue();
        assertThat(ArticleIds.isValid("has space")).isFalse();
        assertThat(ArticleIds.isValid("../etc")).isFalse();
        assertThat(ArticleIds.isValid("")).isFalse();
        assertThat(ArticleIds.isValid(null)).isFalse();
    }

    @Test
    void hashesWithSha256() {
        assertThat(ArticleIds.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
