package no.krr.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import no.krr.web.CsvCells;

/** A run's findings as the admin API hands them out: in pages with a cursor, or all of them as CSV. */
@ApplicationScoped
public class Findings {

    /** The most findings a page holds, and the size of the pages the CSV is written from. */
    static final int MAX_PAGE = 1000;

    /** A page of findings, and the cursor of the next when there is one. */
    public record Page(List<Discrepancy> items, Optional<String> next) {
    }

    @Inject
    ReconcileStore store;

    public Page page(long runId, Optional<DiscrepancyKind> kind, long afterId, int limit) {
        List<Discrepancy> found = store.page(runId, kind, afterId, limit + 1);
        return found.size() > limit
                ? new Page(found.subList(0, limit), Optional.of(FindingsCursor.encode(found.get(limit - 1).id())))
                : new Page(found, Optional.empty());
    }

    /** Every finding (of one kind, if given), read in pages so memory stays flat, each cell neutralised ({@link CsvCells}). */
    public void writeCsv(long runId, Optional<DiscrepancyKind> kind, OutputStream output) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        out.write("personidentifikator,kind,local,upstream,action,detail\r\n");
        long after = 0;
        List<Discrepancy> page;
        do {
            page = store.page(runId, kind, after, MAX_PAGE);
            for (Discrepancy d : page) {
                out.write(CsvCells.row(d.personidentifikator().value(), d.kind().name(), d.localValue().orElse(""),
                        d.upstreamValue().orElse(""), d.action().name(), d.detail().orElse("")));
                after = d.id();
            }
        } while (page.size() == MAX_PAGE);
        out.flush();
    }
}
