package org.carepath.intake.web;

import java.util.List;
import org.carepath.platform.JsonErrors;
import org.carepath.platform.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A field that is not part of the contract, as RFC 9457 problem details in the shape of every other 400 (the
 * platform's {@code ProblemDetailsAdvice}): {@code field} names it, {@code errors} lists it. Its value is not echoed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownFieldAdvice {

    static final String NOT_IN_CONTRACT = "is not a field of this request (see CONTRACT.md)";

    @ExceptionHandler(UnrecognizedPropertyException.class)
    ResponseEntity<ProblemDetail> unknownField(UnrecognizedPropertyException ex) {
        String field = JsonErrors.field(ex);
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + NOT_IN_CONTRACT);
        problem.setTitle("Invalid request");
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(new FieldProblem(field, NOT_IN_CONTRACT)));
        return ResponseEntity.badRequest().body(problem);
    }
}
