package no.krr.importing;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import no.krr.person.InvalidPersonException;
import no.krr.person.PersonJsonReader;

/** Turns a line into a validated person record, or fails the line with the reason. */
@Dependent
@Named("personLineProcessor")
public class PersonLineProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) throws InvalidLineException {
        NdjsonLine line = (NdjsonLine) item;
        if (line.isTooLong()) {
            throw new InvalidLineException(NdjsonScanner.TOO_LONG);
        }
        try {
            return PersonJsonReader.read(line.text(), PersonJsonReader.Strictness.STRICT);
        } catch (InvalidPersonException e) {
            throw new InvalidLineException(e.getMessage());
        }
    }
}
