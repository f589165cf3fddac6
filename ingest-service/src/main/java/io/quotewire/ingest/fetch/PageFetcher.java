package io.quotewire.ingest.fetch;

import io.quotewire.ingest.config.IngestConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches pages and feeds politely and within bounds: http(s) only, the configured User-Agent,
 * a connect timeout and a deadline for the whole response (headers and body), a cap on the body
 * size (read no further than the cap), redirects followed by hand up to a limit, and at most one
 * request per host per {@code quotewire.fetch.host-delay}. Conditional GET when given an ETag or a
 * Last-Modified value.
 */
@ApplicationScoped
public class PageFetcher {

    private static final Logger LOG = Logger.getLogger(PageFetcher.class);
    static final String ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            + "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1";

    @Inject
    IngestConfig config;

    @Inject
    HostPoliteness politeness;

    private HttpClient client;
    private ExecutorService readers;

    @PostConstruct
    void start() {
        readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "page-fetch-read");
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder()
                .connectTimeout(config.fetch().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    /** Validates a user-given address: absolute, http or https, with a host. */
    public static URI parse(String url) throws FetchException {
        if (url == null || url.isBlank()) {
            throw new FetchException("url is required");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new FetchException("not an absolute http or https URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException("not a URL: " + url);
        }
    }

    public FetchedPage fetch(URI url) throws FetchException {
        return fetch(url, null, null);
    }

    /** GET with {@code If-None-Match} / {@code If-Modified-Since} when those are given. */
    public FetchedPage fetch(URI url, String etag, String lastModified) throws FetchException {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            if (!config.fetch().allowPrivateAddresses()) {
                refuseInternal(current);
            }
            politeness.await(current.getHost());
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(config.fetch().timeout())
                    .header("User-Agent", config.fetch().userAgent())
                    .header("Accept", ACCEPT)
                    .GET();
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response = send(request.build());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                closeQuietly(response.body());
                if (redirects >= config.fetch().maxRedirects()) {
                    throw new FetchException("more than " + config.fetch().maxRedirects() + " redirects from " + url);
                }
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new FetchException("redirect without Location from " + response.uri()));
                current = parse(current.resolve(location.strip()).toString());
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse(null);
            String newEtag = response.headers().firstValue("ETag").orElse(null);
            String newModified = response.headers().firstValue("Last-Modified").orElse(null);
            if (status == 304) {
                closeQuietly(response.body());
                return new FetchedPage(current, status, type, new byte[0], newEtag == null ? etag : newEtag,
                        newModified == null ? lastModified : newModified);
            }
            if (status < 200 || status >= 300) {
                closeQuietly(response.body());
                throw new FetchException("HTTP " + status + " from " + current);
            }
            byte[] body = readCapped(response.body(), current);
            return new FetchedPage(current, status, type, body, newEtag, newModified);
        }
    }

    /** Refuses a host that is or resolves to an internal address (checked again on every redirect). */
    static void refuseInternal(URI url) throws FetchException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + url.getHost(), e);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new InternalAddressException("refusing to fetch " + url + ": " + url.getHost()
                        + " is an internal address (" + address.getHostAddress() + ")");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 16) {
            return (raw[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128); // 0.0.0.0/8, 100.64/10 (carrier NAT)
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws FetchException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException("timed out fetching " + request.uri(), e);
        } catch (ConnectException e) {
            throw new FetchException("could not connect to " + request.uri().getHost(), e);
        } catch (IOException e) {
            throw new FetchException("could not fetch " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted fetching " + request.uri(), e);
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad URL " + request.uri(), e);
        }
    }

    /** Reads the body up to the size cap, within the response deadline even if the server trickles. */
    private byte[] readCapped(InputStream in, URI url) throws FetchException {
        long max = config.fetch().maxBytes().asLongValue();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    if (out.size() > max) {
                        return null;
                    }
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, readers);
        try {
            byte[] body = read.get(config.fetch().timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (body == null) {
                throw new FetchException("response from " + url + " is larger than " + max + " bytes");
            }
            return body;
        } catch (TimeoutException e) {
            closeQuietly(in);
            read.cancel(true);
            throw new FetchException("timed out reading " + url, e);
        } catch (ExecutionException e) {
            throw new FetchException("could not read " + url + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted reading " + url, e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing a response stream", e);
        }
    }
}
