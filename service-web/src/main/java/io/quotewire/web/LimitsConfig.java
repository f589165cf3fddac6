package io.quotewire.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code quotewire.limits.*}: the limits {@link QueryParameterLimit} enforces on query strings. */
@ConfigMapping(prefix = "quotewire.limits")
public interface LimitsConfig {

    /** Longest accepted query parameter (name or decoded value), in characters. */
    @WithDefault("500")
    int maxQueryParamLength();

    /** Most query parameters accepted in one request. */
    @WithDefault("20")
    int maxQueryParams();
}
