package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.krr.person.InvalidPersonException;
import no.krr.person.NationalId;
import no.krr.person.PersonJsonReader;
import no.krr.person.PersonRecord;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;
import no.krr.reconcile.PersonVerdict.Plan;
import no.krr.upstream.UpstreamRegister.Answer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of {@link PersonVerdict}'s class comment: what a run does about each finding of a person. */
class PersonVerdictTest {

    private static final NationalId PID = new NationalId("11822648950");
    private static final String OTHER = "23079421936";
    private static final String EARLY = "2023-06-29T10:14:52+02:00";
    private static final String LATE = "2024-01-15T08:00:00+01:00";

    // ---- builders --------------------------------------------------------------------------

    private static PersonRecord upstream(String status, String extra) {
        String reservasjon = status.equals("AKTIV") ? ",\"reservasjon\":\"NEI\"" : "";
        String json = "{\"personidentifikator\":\"" + PID.value() + "\",\"status\":\"" + status + "\"" + reservasjon
                + (extra.isEmpty() ? "" : "," + extra) + "}";
        try {
            return PersonJsonReader.read(json, PersonJsonReader.Strictness.LENIENT);
        } catch (InvalidPersonException e) {
            throw new AssertionError("test data: " + json, e);
        }
    }

    private static String spraak(String code, String time) {
        return "\"spraak\":\"" + code + "\",\"spraak_oppdatert\":\"" + time + "\"";
    }

    private static LocalSnapshot local(Status status, Spraak spraak, String spraakOppdatert, Varslingsstatus varsling) {
        return new LocalSnapshot(PID, 7, status, Optional.ofNullable(spraak),
                Optional.ofNullable(spraakOppdatert).map(OffsetDateTime::parse), Optional.ofNullable(varsling));
    }

    private static LocalSnapshot aktiv(Spraak spraak, String spraakOppdatert) {
        return local(Status.AKTIV, spraak, spraakOppdatert, Varslingsstatus.KAN_VARSLES);
    }

    private static Answer answered(PersonRecord upstream) {
        return new Answer(Map.of(PID.value(), upstream), Map.of());
    }

    private static PersonVerdict decide(LocalSnapshot local, PersonRecord upstream, Mode mode) {
        return PersonVerdict.decide(local, answered(upstream), Optional.empty(), mode);
    }

    private static List<DiscrepancyKind> kinds(PersonVerdict verdict) {
        return verdict.findings().stream().map(p -> p.finding().kind()).toList();
    }

    private static List<Plan> plans(PersonVerdict verdict) {
        return verdict.findings().stream().map(PersonVerdict.Planned::plan).toList();
    }

    private static final String AKTIV_NB_EARLY = spraak("nb", EARLY) + ",\"varslingsstatus\":\"KAN_VARSLES\"";

    // ---- no difference ---------------------------------------------------------------------

    @Test
    void aPersonAsUpstreamHasItHasNoFindingInEitherMode() {
        for (Mode mode : Mode.values()) {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", AKTIV_NB_EARLY), mode);
            assertAll(mode.name(),
                    () -> assertEquals(List.of(), verdict.findings()),
                    () -> assertEquals(List.of(), verdict.repairs()),
                    () -> assertFalse(verdict.upstreamFailed()),
                    () -> assertEquals(Status.AKTIV, verdict.upstream().orElseThrow().status()));
        }
    }

    // ---- VERIFY ----------------------------------------------------------------------------

    @Nested
    class Verify {

        @Test
        void everyKindIsReportedOnlyAndNothingIsRepaired() {
            List<PersonVerdict> verdicts = List.of(
                    decide(aktiv(Spraak.NB, EARLY), upstream("SLETTET", ""), Mode.VERIFY),
                    decide(local(Status.IKKE_REGISTRERT, null, null, null), upstream("AKTIV", AKTIV_NB_EARLY), Mode.VERIFY),
                    decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", spraak("en", LATE)), Mode.VERIFY),
                    decide(aktiv(Spraak.NB, LATE), upstream("AKTIV", spraak("en", EARLY)), Mode.VERIFY),
                    decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", spraak("nb", EARLY)
                            + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), Mode.VERIFY));
            assertEquals(List.of(DiscrepancyKind.STATUS_MISMATCH, DiscrepancyKind.STATUS_MISMATCH,
                            DiscrepancyKind.SPRAAK_UPSTREAM_NEWER, DiscrepancyKind.SPRAAK_LOCAL_NEWER,
                            DiscrepancyKind.VARSLINGSSTATUS_MISMATCH),
                    verdicts.stream().flatMap(v -> kinds(v).stream()).toList());
            for (PersonVerdict verdict : verdicts) {
                assertEquals(List.of(Plan.NONE), plans(verdict), verdict.toString());
                assertEquals(List.of(), verdict.repairs(), verdict.toString());
            }
        }

        @Test
        void aClearingIsNotHeldInVerifyItIsOnlyReported() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("IKKE_REGISTRERT", ""), Mode.VERIFY);
            assertEquals(List.of(Plan.NONE), plans(verdict));
        }

        @Test
        void severalFindingsOfOnePersonAreAllNone() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", spraak("en", LATE)
                    + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), Mode.VERIFY);
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER, DiscrepancyKind.VARSLINGSSTATUS_MISMATCH), kinds(verdict));
            assertEquals(List.of(Plan.NONE, Plan.NONE), plans(verdict));
        }
    }

    // ---- RECONCILE -------------------------------------------------------------------------

    @Nested
    class Reconcile {

        @Test
        void slettetUpstreamIsAClearingAndHeld() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("SLETTET", ""), Mode.RECONCILE);
            assertEquals(List.of(DiscrepancyKind.STATUS_MISMATCH), kinds(verdict));
            assertEquals(List.of(Plan.HELD), plans(verdict));
            assertEquals(List.of(), verdict.repairs(), "a held clearing is not repaired by its chunk");
        }

        @Test
        void ikkeRegistrertUpstreamIsAClearingAndHeld() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("IKKE_REGISTRERT", ""), Mode.RECONCILE);
            assertEquals(List.of(Plan.HELD), plans(verdict));
            assertEquals(List.of(), verdict.repairs());
        }

        @Test
        void fromOneNonActiveStatusToAnotherIsAClearingToo() {
            PersonVerdict verdict = decide(local(Status.SLETTET, null, null, null), upstream("IKKE_REGISTRERT", ""),
                    Mode.RECONCILE);
            assertEquals(List.of(DiscrepancyKind.STATUS_MISMATCH), kinds(verdict));
            assertEquals(List.of(Plan.HELD), plans(verdict));
        }

        @Test
        void aPersonAktivAgainUpstreamIsRepairedAtOnceNotHeld() {
            PersonVerdict verdict = decide(local(Status.IKKE_REGISTRERT, null, null, null),
                    upstream("AKTIV", AKTIV_NB_EARLY), Mode.RECONCILE);
            assertEquals(List.of(Plan.REPAIR), plans(verdict));
            assertEquals(List.of(DiscrepancyKind.STATUS_MISMATCH), verdict.repairs().stream().map(Finding::kind).toList());
        }

        @Test
        void upstreamsNewerSpraakIsRepaired() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", spraak("en", LATE)), Mode.RECONCILE);
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER), kinds(verdict));
            assertEquals(List.of(Plan.REPAIR), plans(verdict));
            assertEquals(verdict.findings().get(0).finding(), verdict.repairs().get(0));
        }

        @Test
        void ourNewerSpraakIsKeptAndNotRepaired() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, LATE), upstream("AKTIV", spraak("en", EARLY)), Mode.RECONCILE);
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER), kinds(verdict));
            assertEquals(List.of(Plan.KEPT_LOCAL), plans(verdict));
            assertEquals(List.of(), verdict.repairs());
        }

        @Test
        void aDifferentVarslingsstatusIsRepaired() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", spraak("nb", EARLY)
                    + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), Mode.RECONCILE);
            assertEquals(List.of(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH), kinds(verdict));
            assertEquals(List.of(Plan.REPAIR), plans(verdict));
        }

        @Test
        void aVarslingsstatusOfAPersonSlettetOnBothSidesIsRepairedNotHeld() {
            PersonVerdict verdict = decide(local(Status.SLETTET, null, null, Varslingsstatus.KAN_VARSLES),
                    upstream("SLETTET", "\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), Mode.RECONCILE);
            assertEquals(List.of(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH), kinds(verdict));
            assertEquals(List.of(Plan.REPAIR), plans(verdict), "the status is the same: nothing is cleared");
        }

        @Test
        void twoRepairableFindingsAreRepairedTogetherInOrder() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", spraak("en", LATE)
                    + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), Mode.RECONCILE);
            assertEquals(List.of(Plan.REPAIR, Plan.REPAIR), plans(verdict));
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER, DiscrepancyKind.VARSLINGSSTATUS_MISMATCH),
                    verdict.repairs().stream().map(Finding::kind).toList());
        }

        @Test
        void ourNewerSpraakIsKeptWhileTheVarslingsstatusBesideItIsRepaired() {
            PersonVerdict verdict = decide(aktiv(Spraak.NB, LATE), upstream("AKTIV", spraak("en", EARLY)
                    + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""), Mode.RECONCILE);
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER, DiscrepancyKind.VARSLINGSSTATUS_MISMATCH), kinds(verdict));
            assertEquals(List.of(Plan.KEPT_LOCAL, Plan.REPAIR), plans(verdict));
            assertEquals(List.of(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH),
                    verdict.repairs().stream().map(Finding::kind).toList());
        }

        @Test
        void theRepairIsAgainstUpstreamsRecordOfThisPerson() {
            PersonRecord theirs = upstream("AKTIV", spraak("en", LATE));
            PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), theirs, Mode.RECONCILE);
            assertEquals(Optional.of(theirs), verdict.upstream());
        }
    }

    // ---- upstream errors -------------------------------------------------------------------

    @Nested
    class UpstreamErrors {

        private void assertUpstreamError(PersonVerdict verdict, String reason) {
            assertAll(
                    () -> assertTrue(verdict.upstreamFailed()),
                    () -> assertEquals(Optional.empty(), verdict.upstream()),
                    () -> assertEquals(List.of(new PersonVerdict.Planned(
                            new Finding(DiscrepancyKind.UPSTREAM_ERROR, Optional.empty(), Optional.empty()),
                            Plan.NONE, Optional.of(reason))), verdict.findings()),
                    () -> assertEquals(List.of(), verdict.repairs()));
        }

        @Test
        void aFailedCallIsAnUpstreamErrorWithItsReasonInBothModes() {
            for (Mode mode : Mode.values()) {
                assertUpstreamError(PersonVerdict.decide(aktiv(Spraak.NB, EARLY), new Answer(Map.of(), Map.of()),
                        Optional.of("HTTP 503 after 5 attempts"), mode), "HTTP 503 after 5 attempts");
            }
        }

        @Test
        void aFailedCallWinsOverAnyAnswer() {
            Answer answer = answered(upstream("SLETTET", ""));
            assertUpstreamError(PersonVerdict.decide(aktiv(Spraak.NB, EARLY), answer, Optional.of("timeout"), Mode.RECONCILE),
                    "timeout");
        }

        @Test
        void anInvalidItemIsAnUpstreamErrorWithTheReasonGiven() {
            Answer answer = new Answer(Map.of(), Map.of(PID.value(), "status: not one of AKTIV, SLETTET, IKKE_REGISTRERT"));
            for (Mode mode : Mode.values()) {
                assertUpstreamError(PersonVerdict.decide(aktiv(Spraak.NB, EARLY), answer, Optional.empty(), mode),
                        "status: not one of AKTIV, SLETTET, IKKE_REGISTRERT");
            }
        }

        @Test
        void aPersonLeftOutOfTheAnswerIsMissing() {
            Answer answer = new Answer(Map.of(OTHER, upstream("AKTIV", "")), Map.of(OTHER, "ignored"));
            for (Mode mode : Mode.values()) {
                assertUpstreamError(PersonVerdict.decide(aktiv(Spraak.NB, EARLY), answer, Optional.empty(), mode),
                        PersonVerdict.MISSING);
            }
        }
    }

    // ---- the rule of clearing and the plan's actions ----------------------------------------

    @Test
    void aRepairClearsWhenUpstreamsOtherStatusIsNotAktiv() {
        Finding status = new Finding(DiscrepancyKind.STATUS_MISMATCH, Optional.of("AKTIV"), Optional.of("SLETTET"));
        Finding varsling = new Finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH, Optional.empty(), Optional.empty());
        assertTrue(PersonVerdict.clears(List.of(status), upstream("SLETTET", "")));
        assertTrue(PersonVerdict.clears(List.of(status), upstream("IKKE_REGISTRERT", "")));
        assertFalse(PersonVerdict.clears(List.of(status), upstream("AKTIV", "")),
                "a person who is AKTIV again gets data, loses none");
        assertFalse(PersonVerdict.clears(List.of(varsling), upstream("SLETTET", "")), "same status: nothing to clear");
        assertFalse(PersonVerdict.clears(List.of(), upstream("SLETTET", "")));
    }

    @Test
    void aHeldClearingIsAppliedOnlyIfUpstreamStillSaysSoWhenAskedAgain() {
        assertEquals(PersonVerdict.Recheck.CLEAR, PersonVerdict.recheck(Optional.of(upstream("SLETTET", ""))));
        assertEquals(PersonVerdict.Recheck.CLEAR, PersonVerdict.recheck(Optional.of(upstream("IKKE_REGISTRERT", ""))));
        assertEquals(PersonVerdict.Recheck.AKTIV_AGAIN, PersonVerdict.recheck(Optional.of(upstream("AKTIV", ""))));
        assertEquals(PersonVerdict.Recheck.UNANSWERED, PersonVerdict.recheck(Optional.empty()));
    }

    @Test
    void onlyARepairTakesTheOutcomeOfTheRepair() {
        for (Action repaired : List.of(Action.UPDATED, Action.SKIPPED_CHANGED)) {
            assertEquals(repaired, Plan.REPAIR.action(repaired));
            assertEquals(Action.NONE, Plan.NONE.action(repaired));
            assertEquals(Action.KEPT_LOCAL, Plan.KEPT_LOCAL.action(repaired));
            assertEquals(Action.HELD, Plan.HELD.action(repaired));
        }
    }

    @Test
    void theFindingsCannotBeChangedAfterTheDecision() {
        PersonVerdict verdict = decide(aktiv(Spraak.NB, EARLY), upstream("AKTIV", spraak("en", LATE)), Mode.RECONCILE);
        assertThrows(UnsupportedOperationException.class, () -> verdict.findings().clear());
        assertThrows(UnsupportedOperationException.class, () -> verdict.repairs().clear());
    }

    @Test
    void decidingIsPure() {
        LocalSnapshot ours = aktiv(Spraak.NB, LATE);
        PersonRecord theirs = upstream("AKTIV", spraak("en", EARLY) + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\"");
        assertEquals(decide(ours, theirs, Mode.RECONCILE), decide(ours, theirs, Mode.RECONCILE));
    }
}
