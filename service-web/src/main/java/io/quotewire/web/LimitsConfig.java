package io.quotewire.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * {@code quotewire.limits.*}: the limits {@link QueryParameterLimit} enforces on query strings and
 * {@link RequestHeadLimit} on the request line and headers.
 */
@ConfigMapping(prefix = "quotewire.limits")
public interface LimitsConfig {

    /** Longest accepted query parameter (name or decoded value), in characters. */
    @WithDefault("500")
    int maxQueryParamLength();

    /** Most query parameters accepted in one request. */
    @WithDefault("20")
    int maxQueryParams();

    /**
     * Longest accepted request line (method, path and query string as sent, version), in bytes; longer is a 414.
     * Must stay below {@code quarkus.http.limits.max-initial-line-length}, where Vert.x answers first.
     */
    @WithDefault("4096")
    int maxRequestLineLength();

    /**
     * Largest accepted header section (each header's name, ": " and value); larger is a 431. Must stay below
     * {@code quarkus.http.limits.max-header-size}, where Vert.x answers first.
     */
    @WithDefault("20K")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxHeaderSize();
}
