package org.carepath.clinicview.fhir;

import java.util.List;
import org.carepath.clinicview.fhir.FindingMapping.Problem;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** An error answered as an OperationOutcome: its HTTP status, issue type and one issue per problem. */
class FhirException extends RuntimeException {

    private final int status;
    private final IssueType type;
    private final List<Problem> problems;

    FhirException(int status, IssueType type, List<Problem> problems) {
        super(problems.isEmpty() ? "" : problems.get(0).message(), null, false, false);
        this.status = status;
        this.type = type;
        this.problems = List.copyOf(problems);
    }

    FhirException(int status, IssueType type, String expression, String message) {
        this(status, type, List.of(new Problem(expression, message)));
    }

    int status() {
        return status;
    }

    IssueType type() {
        return type;
    }

    List<Problem> problems() {
        return problems;
    }
}
