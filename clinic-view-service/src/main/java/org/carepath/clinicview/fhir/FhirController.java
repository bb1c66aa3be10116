package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carepath.clinicview.appointments.AppointmentExport;
import org.carepath.clinicview.appointments.ExportedAppointment;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.carepath.clinicview.episode.EpisodeStatus;
import org.carepath.clinicview.fhir.FindingMapping.Problem;
import org.carepath.clinicview.projection.EpisodeView;
import org.carepath.clinicview.worklist.Worklist;
import org.carepath.clinicview.worklist.WorklistEntry;
import org.carepath.clinicview.worklist.WorklistPage;
import org.carepath.clinicview.worklist.WorklistQuery;
import org.carepath.platform.audit.AuditedEpisode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * CONTRACT.md "FHIR R4" as plain Spring MVC endpoints (so the access table, the audit filter and the token checks
 * apply as everywhere), reading and writing resources with HAPI's parser. Reads by {@code _id} only: an episode's
 * view, or the worklist and appointment export services for the searches.
 */
@RestController
@RequestMapping("/fhir/r4")
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    static final int MAX_COUNT = WorklistQuery.MAX_SIZE;

    private final FhirContext fhir;
    private final FhirValidation validation;
    private final IntakeFindings intake;
    private final MongoTemplate mongo;
    private final Worklist worklist;
    private final AppointmentExport appointments;
    private final Clock clock;
    private final Instant started;

    FhirController(
            FhirContext fhir,
            FhirValidation validation,
            IntakeFindings intake,
            MongoTemplate mongo,
            Worklist worklist,
            AppointmentExport appointments,
            Clock clock) {
        this.fhir = fhir;
        this.validation = validation;
        this.intake = intake;
        this.mongo = mongo;
        this.worklist = worklist;
        this.appointments = appointments;
        this.clock = clock;
        this.started = clock.instant();
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata() {
        return ok(Capability.statement(base(), started));
    }

    @GetMapping("/EpisodeOfCare/{episodeId}")
    ResponseEntity<String> episodeOfCare(@PathVariable String episodeId) {
        EpisodeOfCare episode =
                EpisodeResources.episodeOfCare(record(episodeId)).orElseThrow(() -> unknownEpisode(episodeId));
        return ok(episode);
    }

    @GetMapping("/EpisodeOfCare/{episodeId}/$everything")
    ResponseEntity<String> everything(@PathVariable String episodeId) {
        Instant now = clock.instant();
        List<Resource> resources = EpisodeResources.everything(record(episodeId), now);
        if (resources.isEmpty()) {
            throw unknownEpisode(episodeId);
        }
        return ok(FhirBundles.everything(base(), selfUrl(), resources, now));
    }

    @GetMapping("/EpisodeOfCare")
    ResponseEntity<String> searchEpisodes(
            @RequestParam(required = false) String status,
            @RequestParam(name = "date", required = false) List<String> dates,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        Instant now = clock.instant();
        int size = number("_count", count, 20, 1, MAX_COUNT);
        int from = number("_offset", offset, 0, 0, 1_000_000);
        int page = from / size;
        SearchDates.Bounds bounds = SearchDates.bounds(dates, now, SearchDates.Default.PAST);
        EpisodeStatus wanted = null;
        boolean none = false;
        if (status != null && !status.isBlank()) {
            String code = status.strip();
            if (code.contains(",")) {
                throw new FhirException(400, IssueType.NOTSUPPORTED, "status", "one status per search");
            }
            switch (code) {
                case "planned":
                    wanted = EpisodeStatus.AWAITING_TRIAGE;
                    break;
                case "active":
                    wanted = EpisodeStatus.ACTIVE;
                    break;
                case "finished":
                    wanted = EpisodeStatus.CLOSED;
                    break;
                case "waitlist":
                case "onhold":
                case "cancelled":
                case "entered-in-error":
                    none = true;
                    break;
                default:
                    throw new FhirException(400, IssueType.VALUE, "status", "not an EpisodeOfCare status: " + code);
            }
        }
        List<Resource> matches = new ArrayList<>();
        int total = 0;
        if (!none) {
            WorklistPage found = worklist.find(new WorklistQuery(wanted, null, null, bounds.days(), page, size));
            total = found.total();
            for (WorklistEntry entry : found.episodes()) {
                EpisodeResources.episodeOfCare(record(entry.episodeId())).ifPresent(matches::add);
            }
            AuditedEpisode.are(
                    found.episodes().stream().map(WorklistEntry::episodeId).toList());
        }
        int shown = page * size;
        return ok(FhirBundles.page(base(), matches, List.of(), total, shown, size, at -> pageUrl(at, size), now));
    }

    @GetMapping("/Appointment")
    ResponseEntity<String> searchAppointments(
            @RequestParam(name = "date", required = false) List<String> dates,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        Instant now = clock.instant();
        int size = number("_count", count, 50, 1, MAX_COUNT);
        int from = number("_offset", offset, 0, 0, 1_000_000);
        SearchDates.Bounds bounds = SearchDates.bounds(dates, now, SearchDates.Default.AHEAD);
        List<ExportedAppointment> found = appointments.find(null, bounds.days()).stream()
                .filter(appointment -> appointment.start() != null && bounds.contains(appointment.start()))
                .toList();
        List<ExportedAppointment> shown =
                found.subList(Math.min(from, found.size()), Math.min(from + size, found.size()));
        Map<String, EpisodeRecord> records = new LinkedHashMap<>();
        shown.forEach(appointment -> records.computeIfAbsent(appointment.episodeId(), this::record));
        AuditedEpisode.are(records.keySet());
        List<Appointment> matches = new ArrayList<>();
        for (ExportedAppointment exported : shown) {
            EpisodeRecord record = records.get(exported.episodeId());
            AppointmentFacts facts = record.knownAppointments().stream()
                    .filter(state -> state.appointmentId().equals(exported.appointmentId()))
                    .findFirst()
                    .map(AppointmentFacts::of)
                    .orElse(AppointmentFacts.of(exported));
            boolean known = record.report() != null || record.decision() != null;
            matches.add(EpisodeResources.appointment(
                    facts, EpisodeResources.patientId(record).orElse(null), known ? record : null));
        }
        return ok(FhirBundles.page(base(), matches, List.of(), found.size(), from, size, at -> pageUrl(at, size), now));
    }

    @PostMapping("/DiagnosticReport")
    ResponseEntity<String> diagnosticReport(
            @RequestBody String body,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        DiagnosticReport report = parse(body);
        Optional<String> episodeId = FindingMapping.episodeOf(report);
        if (episodeId.isEmpty()) {
            throw new FhirException(
                    422,
                    IssueType.REQUIRED,
                    "DiagnosticReport.extension('" + FhirCodes.EXT_EPISODE + "')",
                    "names no episode: add the extension " + FhirCodes.EXT_EPISODE
                            + " (valueReference EpisodeOfCare/{id}) or basedOn a ServiceRequest or CarePlan of the"
                            + " episode");
        }
        AuditedEpisode.is(episodeId.get());
        EpisodeRecord record = record(episodeId.get());
        if (record.report() == null && record.decision() == null) {
            throw unknownEpisode(episodeId.get());
        }
        if (report.hasSubject()
                && (report.getSubject().hasReference() || report.getSubject().hasIdentifier())
                && !FindingMapping.subjectIs(report, record)) {
            throw new FhirException(
                    404, IssueType.NOTFOUND, "DiagnosticReport.subject", "the patient is not this episode's patient");
        }
        FindingMapping.Result mapped = FindingMapping.map(report, episodeId.get());
        if (!mapped.mapped()) {
            throw new FhirException(422, IssueType.PROCESSING, mapped.problems());
        }
        IntakeFindings.Outcome outcome = intake.record(mapped.finding(), bearer(authorization));
        if (outcome instanceof IntakeFindings.Recorded recorded) {
            report.setId(FhirIds.of(
                    recorded.findingId() == null ? mapped.finding().idempotencyKey() : recorded.findingId()));
            if (recorded.findingId() != null) {
                report.addIdentifier(EpisodeResources.identifier(FhirCodes.FINDING_ID, recorded.findingId()));
            }
            report.getMeta().setLastUpdatedElement(FhirTime.instant(clock.instant()));
            String location =
                    base() + "/DiagnosticReport/" + report.getIdElement().getIdPart();
            return ResponseEntity.status(201)
                    .header(HttpHeaders.LOCATION, location)
                    .contentType(FHIR_JSON)
                    .body(fhir.newJsonParser().encodeResourceToString(report));
        }
        if (outcome instanceof IntakeFindings.Refused refused) {
            throw refusedByIntake(refused);
        }
        IntakeFindings.Unavailable unavailable = (IntakeFindings.Unavailable) outcome;
        throw new FhirException(503, IssueType.TRANSIENT, "", unavailable.detail());
    }

    /** Anything else under the base: not served. */
    @GetMapping("/**")
    ResponseEntity<String> notServed() {
        throw new FhirException(
                404, IssueType.NOTSUPPORTED, "", "not served here: see " + base() + "/metadata for what is");
    }

    private DiagnosticReport parse(String body) {
        if (body == null || body.isBlank()) {
            throw new FhirException(400, IssueType.STRUCTURE, "DiagnosticReport", "the body is empty");
        }
        boolean xml = body.stripLeading().startsWith("<");
        if (!xml) {
            NumberBounds.firstOutOfBounds(body, "DiagnosticReport").ifPresent(expression -> {
                throw new FhirException(
                        400,
                        IssueType.VALUE,
                        expression,
                        "a number's exponent must be within ±" + NumberBounds.MAX_EXPONENT);
            });
        }
        IBaseResource resource;
        try {
            // JSON is the contract's format; a hospital system's XML is read too, and answered in JSON.
            IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
            resource = parser.parseResource(body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new FhirException(
                    400,
                    IssueType.STRUCTURE,
                    "DiagnosticReport",
                    "the body is not a FHIR resource in JSON (or XML): " + e.getMessage());
        } catch (RuntimeException e) {
            // HAPI's parser fails on some malformed shapes with its own bugs (e.g. an extension array holding a
            // boolean is a NullPointerException): the body is still what is wrong, not the server.
            throw new FhirException(
                    400,
                    IssueType.STRUCTURE,
                    "DiagnosticReport",
                    "the body is not a FHIR resource in JSON (or XML) that could be read");
        }
        if (!(resource instanceof DiagnosticReport)) {
            throw new FhirException(
                    400, IssueType.INVALID, "", "expected a DiagnosticReport, not a " + resource.fhirType());
        }
        if (xml && NumberBounds.anyOutOfBounds(fhir, resource)) {
            throw new FhirException(
                    400,
                    IssueType.VALUE,
                    "DiagnosticReport",
                    "a number's exponent must be within ±" + NumberBounds.MAX_EXPONENT);
        }
        // The validator reads JSON: an XML body is validated as the resource it parsed to.
        List<SingleValidationMessage> errors =
                validation.errors(xml ? fhir.newJsonParser().encodeResourceToString(resource) : body);
        if (!errors.isEmpty()) {
            List<Problem> problems = errors.stream()
                    .map(message -> new Problem(message.getLocationString(), message.getMessage()))
                    .toList();
            throw new FhirException(422, IssueType.INVALID, problems);
        }
        return (DiagnosticReport) resource;
    }

    private static FhirException refusedByIntake(IntakeFindings.Refused refused) {
        String detail = refused.detail() == null ? "" : ": " + refused.detail();
        switch (refused.status()) {
            case 404:
                return new FhirException(404, IssueType.NOTFOUND, "", "intake knows no such episode" + detail);
            case 409:
                return new FhirException(409, IssueType.CONFLICT, "", "intake refused the finding" + detail);
            case 400:
            case 422:
                return new FhirException(422, IssueType.PROCESSING, "", "intake refused the finding" + detail);
            default:
                return new FhirException(502, IssueType.EXCEPTION, "", "intake answered " + refused.status() + detail);
        }
    }

    private EpisodeRecord record(String episodeId) {
        EpisodeView view = mongo.findById(episodeId, EpisodeView.class);
        return view == null || view.record() == null ? EpisodeRecord.opened(episodeId) : view.record();
    }

    private static FhirException unknownEpisode(String episodeId) {
        return new FhirException(404, IssueType.NOTFOUND, "EpisodeOfCare", "no episode " + episodeId);
    }

    private ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok()
                .contentType(FHIR_JSON)
                .body(fhir.newJsonParser().encodeResourceToString(resource));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/fhir/r4")
                .build()
                .toUriString();
    }

    private static String selfUrl() {
        return ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
    }

    private static String pageUrl(int offset, int count) {
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentRequest();
        url.replaceQueryParam("_offset", offset);
        url.replaceQueryParam("_count", count);
        return url.build().toUriString();
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new FhirException(400, IssueType.VALUE, name, "must be a number from " + min + " to " + max);
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
