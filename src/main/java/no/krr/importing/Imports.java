package no.krr.importing;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import no.krr.admin.StartedBy;

/** Starts the import job for a stored file, as {@code Reconciliations} does for a run: the resource only translates HTTP. */
@ApplicationScoped
public class Imports {

    @Inject
    ImportFiles files;

    /** @return the execution id of the started import */
    public long start(ImportFiles.Stored stored, StartedBy startedBy) {
        Properties parameters = ImportParameters.of(stored.path().toString(), stored.lines(), files.chunkSize());
        return BatchRuntime.getJobOperator().start(ImportDetails.JOB, startedBy.addTo(parameters));
    }
}
