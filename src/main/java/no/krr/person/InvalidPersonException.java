package no.krr.person;

/** Why a person document is not acceptable; the message names the member, never a national id in clear. */
public class InvalidPersonException extends Exception {

    public InvalidPersonException(String reason) {
        super(reason, null, false, false);
    }
}
