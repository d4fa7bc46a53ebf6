package no.krr.importing;

import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;

/**
 * An import is named by the job instance of its first start. An import resumed after its server
 * died (its execution still STARTED, or unknown to a new server's batch runtime) goes on in a new
 * job instance that carries the original import's id as the job parameter {@code importId}, so
 * that its position, counts and skipped lines stay one.
 */
final class ImportIds {

    static final String PARAMETER = "importId";

    private ImportIds() {
    }

    static long of(JobContext job) {
        return of(job.getInstanceId(), job.getProperties());
    }

    static long of(long instanceId, Properties parameters) {
        String resumed = parameters == null ? "" : parameters.getProperty(PARAMETER, "");
        return resumed == null || resumed.isBlank() ? instanceId : Long.parseLong(resumed);
    }
}
