package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    private static StrictJson.Problem problem(String text, StrictJson.Duplicates duplicates) {
        return assertThrows(StrictJson.Malformed.class, () -> StrictJson.read(text, duplicates)).problem();
    }

    @ParameterizedTest
    @EnumSource(StrictJson.Duplicates.class)
    void oneValueIsReadAsJsonPReadsIt(StrictJson.Duplicates duplicates) throws Exception {
        String text = " {\"a\":[1,2.5,\"x\",null,true,{\"b\":{}}],\"c\":\"d\"}\n";
        assertEquals(jakarta.json.Json.createReader(new java.io.StringReader(text)).readValue(), StrictJson.read(text, duplicates));
        assertEquals(JsonValue.TRUE, StrictJson.read("true", duplicates));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{}x", "{}}", "1 2", "[] \"\""})
    void trailingContentIsRefused(String text) {
        for (StrictJson.Duplicates duplicates : StrictJson.Duplicates.values()) {
            StrictJson.Problem problem = problem(text, duplicates);
            // Parsson fails on some trailing tokens themselves rather than reporting one more event
            assertEquals(true, problem == StrictJson.Problem.TRAILING || problem == StrictJson.Problem.NOT_JSON, text + ": " + problem);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "{'a':1}", "[1,]", "nope"})
    void malformedTextIsNotJson(String text) {
        assertEquals(StrictJson.Problem.NOT_JSON, problem(text, StrictJson.Duplicates.REFUSED));
        assertEquals(StrictJson.Problem.NOT_JSON, problem(text, StrictJson.Duplicates.LAST_WINS));
    }

    @Test
    void aMemberNamedTwiceAtAnyDepthIsRefusedOnlyWhenAsked() throws Exception {
        assertEquals(StrictJson.Problem.DUPLICATE_MEMBER, problem("{\"a\":1,\"a\":1}", StrictJson.Duplicates.REFUSED));
        assertEquals(StrictJson.Problem.DUPLICATE_MEMBER, problem("[{\"x\":{\"a\":1,\"b\":2,\"a\":3}}]", StrictJson.Duplicates.REFUSED));
        assertEquals(2, ((JsonObject) StrictJson.read("{\"a\":1,\"a\":2}", StrictJson.Duplicates.LAST_WINS)).getInt("a"));
        assertEquals(2, ((JsonObject) StrictJson.read("{\"a\":{\"a\":1},\"b\":{\"a\":2}}", StrictJson.Duplicates.REFUSED))
                .getJsonObject("b").getInt("a"), "the same name in two objects is no duplicate");
    }
}
