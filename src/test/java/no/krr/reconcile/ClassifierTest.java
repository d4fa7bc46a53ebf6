package no.krr.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import no.krr.person.InvalidPersonException;
import no.krr.person.NationalId;
import no.krr.person.PersonJsonReader;
import no.krr.person.PersonJsonReader.Strictness;
import no.krr.person.PersonRecord;
import no.krr.person.Spraak;
import no.krr.person.Status;
import no.krr.person.Varslingsstatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of {@link Classifier}'s class comment and docs/api.md §4, ties included. */
class ClassifierTest {

    private static final String PID = "11822648950";
    private static final String EARLY = "2023-06-29T10:14:52+02:00";
    private static final String LATE = "2024-01-15T08:00:00+01:00";
    /** The same instant as {@link #EARLY}, written in UTC. */
    private static final String EARLY_IN_UTC = "2023-06-29T08:14:52Z";

    // ---- builders --------------------------------------------------------------------------

    /** Upstream's answer, read as the job reads it; {@code extra} are further JSON members. */
    private static PersonRecord upstream(String status, String extra) {
        String reservasjon = status.equals("AKTIV") ? ",\"reservasjon\":\"NEI\"" : "";
        String json = "{\"personidentifikator\":\"" + PID + "\",\"status\":\"" + status + "\"" + reservasjon
                + (extra.isEmpty() ? "" : "," + extra) + "}";
        try {
            return PersonJsonReader.read(json, Strictness.LENIENT);
        } catch (InvalidPersonException e) {
            throw new AssertionError("test data: " + json, e);
        }
    }

    private static PersonRecord upstreamAktiv(String extra) {
        return upstream("AKTIV", extra);
    }

    private static String spraak(String code, String time) {
        return "\"spraak\":\"" + code + "\",\"spraak_oppdatert\":\"" + time + "\"";
    }

    private static LocalSnapshot local(Status status, Spraak spraak, String spraakOppdatert, Varslingsstatus varsling) {
        return new LocalSnapshot(new NationalId(PID), 7, status, Optional.ofNullable(spraak),
                Optional.ofNullable(spraakOppdatert).map(OffsetDateTime::parse), Optional.ofNullable(varsling));
    }

    private static LocalSnapshot localAktiv(Spraak spraak, String spraakOppdatert) {
        return local(Status.AKTIV, spraak, spraakOppdatert, Varslingsstatus.KAN_VARSLES);
    }

    private static List<DiscrepancyKind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    // ---- no difference ---------------------------------------------------------------------

    @Test
    void equalStatusAndValuesGiveNoFinding() {
        assertEquals(List.of(), Classifier.classify(localAktiv(Spraak.NB, EARLY),
                upstreamAktiv(spraak("nb", EARLY) + ",\"varslingsstatus\":\"KAN_VARSLES\"")));
    }

    @Test
    void theSameSpraakWithDifferentTimestampsIsNoFinding() {
        // only the language is compared; its time only decides who wins when the languages differ
        assertEquals(List.of(), Classifier.classify(localAktiv(Spraak.NB, EARLY), upstreamAktiv(spraak("nb", LATE))));
    }

    @Test
    void bothWithoutSpraakIsNoFinding() {
        assertEquals(List.of(), Classifier.classify(localAktiv(null, null), upstreamAktiv("")));
    }

    @Test
    void equalNonActiveStatusGivesNoFinding() {
        assertEquals(List.of(), Classifier.classify(local(Status.SLETTET, null, null, null), upstream("SLETTET", "")));
    }

    // ---- status ----------------------------------------------------------------------------

    @Nested
    class StatusDiffers {

        @Test
        void aktivLocallySlettetUpstreamIsOnlyAStatusMismatch() {
            Finding f = only(Classifier.classify(localAktiv(Spraak.NB, EARLY), upstream("SLETTET", "")));

            assertEquals(new Finding(DiscrepancyKind.STATUS_MISMATCH, Optional.of("AKTIV"), Optional.of("SLETTET")), f);
        }

        @Test
        void aktivLocallyIkkeRegistrertUpstreamIsOnlyAStatusMismatch() {
            Finding f = only(Classifier.classify(local(Status.AKTIV, Spraak.NN, LATE, Varslingsstatus.KAN_VARSLES),
                    upstream("IKKE_REGISTRERT", "\"varslingsstatus\":\"KAN_IKKE_VARSLES\"")));

            assertEquals(new Finding(DiscrepancyKind.STATUS_MISMATCH, Optional.of("AKTIV"), Optional.of("IKKE_REGISTRERT")), f);
        }

        @Test
        void ikkeRegistrertLocallyAktivUpstreamIsOnlyAStatusMismatch() {
            Finding f = only(Classifier.classify(local(Status.IKKE_REGISTRERT, null, null, Varslingsstatus.KAN_IKKE_VARSLES),
                    upstreamAktiv(spraak("en", LATE) + ",\"varslingsstatus\":\"KAN_VARSLES\"")));

            assertEquals(new Finding(DiscrepancyKind.STATUS_MISMATCH, Optional.of("IKKE_REGISTRERT"), Optional.of("AKTIV")), f);
        }

        @Test
        void aStatusMismatchHidesDifferingSpraakAndVarslingsstatus() {
            List<Finding> findings = Classifier.classify(local(Status.SLETTET, Spraak.NB, EARLY, Varslingsstatus.KAN_IKKE_VARSLES),
                    upstreamAktiv(spraak("nn", LATE) + ",\"varslingsstatus\":\"KAN_VARSLES\""));

            assertEquals(List.of(DiscrepancyKind.STATUS_MISMATCH), kinds(findings));
        }
    }

    // ---- spraak ----------------------------------------------------------------------------

    @Nested
    class SpraakDiffers {

        @Test
        void upstreamLaterIsUpstreamNewer() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, EARLY), upstreamAktiv(spraak("nn", LATE)))));
        }

        @Test
        void localLaterIsLocalNewer() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, LATE), upstreamAktiv(spraak("nn", EARLY)))));
        }

        @Test
        void localLaterByOneMillisecondIsLocalNewer() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER), kinds(Classifier.classify(
                    localAktiv(Spraak.NB, "2023-06-29T10:14:52.001+02:00"), upstreamAktiv(spraak("nn", EARLY)))));
        }

        @Test
        void equalTimestampsGoToUpstream() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, EARLY), upstreamAktiv(spraak("nn", EARLY)))));
        }

        @Test
        void theSameInstantWithDifferentOffsetsIsATieAndGoesToUpstream() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, EARLY), upstreamAktiv(spraak("nn", EARLY_IN_UTC)))));
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, EARLY_IN_UTC), upstreamAktiv(spraak("nn", "2023-06-29T10:14:52+02")))));
        }

        @Test
        void aLaterWallClockInAnEarlierInstantIsNotLater() {
            // 09:00+00:00 is 11:00 in Oslo (summer): a later instant than 10:30+02:00 despite the smaller clock value
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER), kinds(Classifier.classify(
                    localAktiv(Spraak.NB, "2023-06-29T10:30:00+02:00"), upstreamAktiv(spraak("nn", "2023-06-29T09:00:00Z")))));
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER), kinds(Classifier.classify(
                    localAktiv(Spraak.NB, "2023-06-29T09:00:00Z"), upstreamAktiv(spraak("nn", "2023-06-29T10:30:00+02:00")))));
        }

        @Test
        void missingLocalTimestampGoesToUpstream() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, null), upstreamAktiv(spraak("nn", EARLY)))));
        }

        @Test
        void missingUpstreamTimestampWhileLocalHasOneStaysLocal() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, EARLY), upstreamAktiv("\"spraak\":\"nn\""))));
        }

        @Test
        void upstreamTimestampWrittenAsEmptyStringCountsAsMissing() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER), kinds(Classifier.classify(
                    localAktiv(Spraak.NB, EARLY), upstreamAktiv("\"spraak\":\"nn\",\"spraak_oppdatert\":\"\""))));
        }

        @Test
        void bothTimestampsMissingGoesToUpstream() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, null), upstreamAktiv("\"spraak\":\"nn\""))));
        }

        @Test
        void localWithoutSpraakUpstreamWithOneIsUpstreamNewer() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(null, null), upstreamAktiv(spraak("se", EARLY)))));
        }

        @Test
        void upstreamWithoutSpraakOrTimeWhileLocalHasATimedOneStaysLocal() {
            // languages differ (nb vs none); upstream has no time while ours has one → ours wins
            assertEquals(List.of(DiscrepancyKind.SPRAAK_LOCAL_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, EARLY), upstreamAktiv(""))));
        }

        @Test
        void upstreamWithoutSpraakButWithALaterTimeIsUpstreamNewer() {
            // upstream cleared the language after our change: its (empty) value wins
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER), kinds(Classifier.classify(
                    localAktiv(Spraak.NB, EARLY), upstreamAktiv("\"spraak_oppdatert\":\"" + LATE + "\""))));
        }

        @Test
        void upstreamWithoutSpraakOrTimeWhileLocalHasAnUntimedOneIsUpstreamNewer() {
            assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER),
                    kinds(Classifier.classify(localAktiv(Spraak.NB, null), upstreamAktiv(""))));
        }

        @Test
        void spraakIsNotComparedWhenBothAreNotAktiv() {
            assertEquals(List.of(), Classifier.classify(local(Status.SLETTET, Spraak.NB, EARLY, null),
                    upstream("SLETTET", spraak("nn", LATE))));
        }
    }

    // ---- varslingsstatus -------------------------------------------------------------------

    @Nested
    class VarslingsstatusDiffers {

        @Test
        void aDifferentVarslingsstatusIsAMismatch() {
            Finding f = only(Classifier.classify(local(Status.AKTIV, Spraak.NB, EARLY, Varslingsstatus.KAN_VARSLES),
                    upstreamAktiv(spraak("nb", EARLY) + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\"")));

            assertEquals(new Finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH,
                    Optional.of("KAN_VARSLES"), Optional.of("KAN_IKKE_VARSLES")), f);
        }

        @Test
        void aVarslingsstatusUpstreamWhereLocalHasNoneIsAMismatch() {
            Finding f = only(Classifier.classify(local(Status.AKTIV, Spraak.NB, EARLY, null),
                    upstreamAktiv(spraak("nb", EARLY) + ",\"varslingsstatus\":\"KAN_VARSLES\"")));

            assertEquals(new Finding(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH, Optional.empty(), Optional.of("KAN_VARSLES")), f);
        }

        @Test
        void upstreamWithoutVarslingsstatusIsNotCompared() {
            assertEquals(List.of(), Classifier.classify(local(Status.AKTIV, Spraak.NB, EARLY, Varslingsstatus.KAN_IKKE_VARSLES),
                    upstreamAktiv(spraak("nb", EARLY))));
            assertEquals(List.of(), Classifier.classify(local(Status.AKTIV, Spraak.NB, EARLY, Varslingsstatus.KAN_VARSLES),
                    upstreamAktiv(spraak("nb", EARLY) + ",\"varslingsstatus\":\"\"")));
        }

        @Test
        void varslingsstatusIsComparedForEqualNonActiveStatus() {
            assertEquals(List.of(DiscrepancyKind.VARSLINGSSTATUS_MISMATCH), kinds(Classifier.classify(
                    local(Status.SLETTET, null, null, Varslingsstatus.KAN_VARSLES),
                    upstream("SLETTET", "\"varslingsstatus\":\"KAN_IKKE_VARSLES\""))));
        }
    }

    @Test
    void spraakAndVarslingsstatusBothDifferingGiveTwoFindingsSpraakFirst() {
        List<Finding> findings = Classifier.classify(local(Status.AKTIV, Spraak.NB, EARLY, Varslingsstatus.KAN_VARSLES),
                upstreamAktiv(spraak("nn", LATE) + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\""));

        assertEquals(List.of(DiscrepancyKind.SPRAAK_UPSTREAM_NEWER, DiscrepancyKind.VARSLINGSSTATUS_MISMATCH), kinds(findings));
    }

    @Test
    void classifyingIsPure() {
        LocalSnapshot local = localAktiv(Spraak.NB, LATE);
        PersonRecord upstream = upstreamAktiv(spraak("nn", EARLY) + ",\"varslingsstatus\":\"KAN_IKKE_VARSLES\"");

        assertEquals(Classifier.classify(local, upstream), Classifier.classify(local, upstream));
    }

    // ---- the description strings -----------------------------------------------------------

    @Nested
    class Descriptions {

        @Test
        void spraakIsDescribedAsCodeAndOsloTime() {
            Finding f = only(Classifier.classify(localAktiv(Spraak.NB, "2023-06-29T08:14:52Z"),
                    upstreamAktiv(spraak("nn", "2024-01-15T07:00:00.250Z"))));

            assertEquals(Optional.of("nb (2023-06-29T10:14:52+02:00)"), f.local());
            assertEquals(Optional.of("nn (2024-01-15T08:00:00.250+01:00)"), f.upstream());
        }

        @Test
        void spraakWithoutTimeIsJustTheCode() {
            Finding f = only(Classifier.classify(localAktiv(Spraak.SE, null), upstreamAktiv("\"spraak\":\"en\"")));

            assertEquals(Optional.of("se"), f.local());
            assertEquals(Optional.of("en"), f.upstream());
        }

        @Test
        void noSpraakButATimeIsADashAndTheTime() {
            Finding f = only(Classifier.classify(localAktiv(Spraak.NB, EARLY),
                    upstreamAktiv("\"spraak_oppdatert\":\"" + LATE + "\"")));

            assertEquals(Optional.of("- (2024-01-15T08:00:00+01:00)"), f.upstream());
        }

        @Test
        void noSpraakAndNoTimeIsEmpty() {
            Finding f = only(Classifier.classify(localAktiv(null, null), upstreamAktiv(spraak("nb", EARLY))));

            assertEquals(Optional.empty(), f.local());
            assertTrue(f.upstream().isPresent());
        }

        @Test
        void statusAndVarslingsstatusAreDescribedByTheirNames() {
            Finding status = only(Classifier.classify(local(Status.IKKE_REGISTRERT, null, null, null), upstream("SLETTET", "")));
            Finding varsling = only(Classifier.classify(local(Status.AKTIV, null, null, Varslingsstatus.KAN_IKKE_VARSLES),
                    upstreamAktiv("\"varslingsstatus\":\"KAN_VARSLES\"")));

            assertEquals(Optional.of("IKKE_REGISTRERT"), status.local());
            assertEquals(Optional.of("SLETTET"), status.upstream());
            assertEquals(Optional.of("KAN_IKKE_VARSLES"), varsling.local());
            assertEquals(Optional.of("KAN_VARSLES"), varsling.upstream());
        }
    }
}
