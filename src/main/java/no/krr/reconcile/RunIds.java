package no.krr.reconcile;

import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A run is named by the job instance of its first start. A run resumed after a crash goes on in a
 * new job instance that carries the original run's id as the job parameter {@code runId}.
 */
final class RunIds {

    private RunIds() {
    }

    static long of(JobContext job) {
        String resumed = job.getProperties().getProperty(RunParameters.RUN_ID, "");
        return resumed.isBlank() ? job.getInstanceId() : Long.parseLong(resumed);
    }

    static long of(long instanceId, Properties parameters) {
        String resumed = parameters == null ? "" : parameters.getProperty(RunParameters.RUN_ID, "");
        return resumed.isBlank() ? instanceId : Long.parseLong(resumed);
    }

    /** The parameters of a run as stored in its row, without the lock token. */
    static String describe(Properties properties) {
        TreeMap<String, String> shown = new TreeMap<>();
        properties.stringPropertyNames().stream()
                .filter(name -> !name.equals(RunParameters.LOCK_TOKEN))
                .forEach(name -> shown.put(name, properties.getProperty(name)));
        return shown.toString();
    }
}
