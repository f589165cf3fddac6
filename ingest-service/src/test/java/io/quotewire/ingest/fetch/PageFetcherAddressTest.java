package io.quotewire.ingest.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User-given URLs must not reach internal addresses (server-side request forgery). */
class PageFetcherAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fe80::1", "fd12:3456::1", "224.0.0.1"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertThat(PageFetcher.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.128.0.1", "2606:4700::6810:84e5"})
    void publicAddressesAreNot(String address) throws Exception {
        assertThat(PageFetcher.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8082/api/v1/extractions", "http://127.0.0.1/", "http://[::1]:8080/",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin"})
    void urlsOnInternalHostsAreRefused(String url) {
        assertThatThrownBy(() -> PageFetcher.refuseInternal(URI.create(url)))
                .isInstanceOf(InternalAddressException.class)
                .hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/news", "https://8.8.8.8/"})
    void urlsOnPublicAddressesPass(String url) {
        assertThatCode(() -> PageFetcher.refuseInternal(URI.create(url))).doesNotThrowAnyException();
    }
}
