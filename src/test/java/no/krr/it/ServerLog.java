package no.krr.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Payara Micro log the container tests write ({@code krr.it.logfile}), for tests of what the service logs. */
final class ServerLog {

    private ServerLog() {
    }

    /** Everything logged so far; Payara Micro numbers its log files (it-payara.log.0, …), so all of them. */
    static String text() throws IOException {
        Path log = Path.of(System.getProperty("krr.it.logfile"));
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(log.getFileName().toString())).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
