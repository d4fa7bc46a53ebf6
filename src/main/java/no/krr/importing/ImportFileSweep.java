package no.krr.importing;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes import files nobody needs any more, a minute after start and then every hour: the file
 * of an import whose latest execution COMPLETED or was ABANDONED at once; of one that FAILED or
 * STOPPED once it ended longer than {@code krr.import.retention} ago (until then it can be
 * restarted); an upload no job refers to (a server that died while storing it) once it is older
 * than the retention. A running import keeps its file.
 */
@ApplicationScoped
public class ImportFileSweep {

    private static final Logger LOG = Logger.getLogger(ImportFileSweep.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ImportFiles files;

    private ScheduledFuture<?> scheduled;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        scheduled = scheduler.scheduleWithFixedDelay(this::sweepQuietly, 1, 60, TimeUnit.MINUTES);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private void sweepQuietly() {
        try {
            int deleted = sweep(Instant.now());
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " import file(s) no longer needed");
            }
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "Sweeping import files failed; the next sweep tries again", e);
        }
    }

    /** One sweep; the number of files deleted. */
    int sweep(Instant now) throws IOException {
        Path dir = files.directory();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Map<Path, JobExecution> latestByFile = latestExecutionByFile();
        Duration retention = files.retention();
        int deleted = 0;
        try (DirectoryStream<Path> stored = Files.newDirectoryStream(dir, "*" + ImportFiles.SUFFIX)) {
            for (Path file : stored) {
                Optional<JobExecution> latest = Optional.ofNullable(latestByFile.get(key(file)));
                Instant since = latest.map(e -> e.getEndTime() == null ? null : e.getEndTime().toInstant())
                        .orElse(Files.getLastModifiedTime(file).toInstant());
                if (shouldDelete(latest.map(JobExecution::getBatchStatus), since, now, retention)) {
                    files.delete(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * Whether a file goes: {@code status} is that of the latest execution of the import that reads
     * it (empty: no import does), {@code since} when that execution ended (or the file was written).
     */
    static boolean shouldDelete(Optional<BatchStatus> status, Instant since, Instant now, Duration retention) {
        boolean retained = since == null || !since.plus(retention).isBefore(now);
        if (status.isEmpty()) {
            return !retained;
        }
        return switch (status.get()) {
            case COMPLETED, ABANDONED -> true;
            case FAILED, STOPPED -> !retained;
            case STARTING, STARTED, STOPPING -> false;
        };
    }

    private static Map<Path, JobExecution> latestExecutionByFile() {
        JobOperator operator = BatchRuntime.getJobOperator();
        Map<Path, JobExecution> latest = new HashMap<>();
        int count;
        try {
            count = operator.getJobInstanceCount(ImportDetails.JOB);
        } catch (NoSuchJobException e) {
            return latest;
        }
        for (int start = 0; start < count; start += 500) {
            for (JobInstance instance : operator.getJobInstances(ImportDetails.JOB, start, 500)) {
                operator.getJobExecutions(instance).stream()
                        .max(Comparator.comparingLong(JobExecution::getExecutionId))
                        .ifPresent(e -> {
                            String file = e.getJobParameters() == null ? null : e.getJobParameters().getProperty(ImportParameters.FILE);
                            if (file != null) {
                                latest.put(key(Path.of(file)), e);
                            }
                        });
            }
        }
        return latest;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
