package no.krr.importing;

import java.util.Properties;

/**
 * The job parameters of {@code import-persons}, by name. The job XML names them too
 * (batch-jobs/import-persons.xml cannot refer to Java constants): rename neither alone.
 */
final class ImportParameters {

    /** The uploaded file, under {@code krr.data-dir/imports}. */
    static final String FILE = "file";
    /** Lines with content, counted at upload: the total of the progress. */
    static final String LINES = "lines";
    static final String CHUNK_SIZE = "chunkSize";

    private ImportParameters() {
    }

    static Properties of(String file, long lines, int chunkSize) {
        Properties parameters = new Properties();
        parameters.setProperty(FILE, file);
        parameters.setProperty(LINES, Long.toString(lines));
        parameters.setProperty(CHUNK_SIZE, Integer.toString(chunkSize));
        return parameters;
    }

    static long lines(Properties parameters) {
        String value = parameters == null ? "" : parameters.getProperty(LINES, "");
        return value.isBlank() ? 0 : Long.parseLong(value.trim());
    }
}
