package no.krr.importing;

/** A line of an import that is not a valid person; the job skips it and reports the reason. */
public class InvalidLineException extends Exception {

    public InvalidLineException(String reason) {
        super(reason, null, false, false);
    }
}
