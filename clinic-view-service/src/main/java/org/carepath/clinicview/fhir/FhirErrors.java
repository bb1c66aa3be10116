package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.carepath.clinicview.fhir.FindingMapping.Problem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of the FHIR endpoints as an OperationOutcome ({@code application/fhir+json}), never problem+json. */
@RestControllerAdvice(assignableTypes = FhirController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);
    private final FhirContext fhir;

    FhirErrors(FhirContext fhir) {
        this.fhir = fhir;
    }

    @ExceptionHandler(FhirException.class)
    ResponseEntity<String> fhirError(FhirException error) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status());
        if (error.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, "10");
        }
        return answer.contentType(FhirController.FHIR_JSON)
                .body(fhir.newJsonParser().encodeResourceToString(outcome(error.type(), error.problems())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException error) {
        return fhirError(new FhirException(400, IssueType.STRUCTURE, "DiagnosticReport", "the body is missing"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<String> badParameter(Exception error) {
        return fhirError(new FhirException(400, IssueType.INVALID, "", "a search parameter is missing or invalid"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception error) {
        log.error("Unexpected error serving a FHIR request", error);
        return fhirError(
                new FhirException(500, IssueType.EXCEPTION, "", "an unexpected error occurred; it has been logged"));
    }

    static OperationOutcome outcome(IssueType type, List<Problem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (Problem problem : problems) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(type)
                    .setDiagnostics(problem.message());
            if (problem.expression() != null && !problem.expression().isBlank()) {
                issue.addExpression(problem.expression());
            }
        }
        if (problems.isEmpty()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type);
        }
        return outcome;
    }
}
