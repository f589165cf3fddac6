package io.quotewire.deploy;

import io.quotewire.testsupport.LocalPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs overlays/local/init-databases.sh the way the postgres image's entrypoint does. */
final class InitScript {

    /** Exit status and combined output of one run. */
    record Run(int exit, String output) {
    }

    private InitScript() {
    }

    /**
     * @param roles INGEST_DB_USERNAME, INGEST_DB_PASSWORD, QUERY_DB_USERNAME, QUERY_DB_PASSWORD
     */
    static Run run(LocalPostgres postgres, Map<String, String> roles) throws IOException, InterruptedException {
        Path script = DeployDir.get().resolve("overlays/local/init-databases.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(roles);
        env.put("POSTGRES_USER", postgres.username());
        env.put("PGPASSWORD", postgres.password());
        env.put("PGHOST", "localhost");
        env.put("PGPORT", String.valueOf(postgres.port()));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(p.exitValue(), output);
    }
}
