package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator against the base R4 specification (no profiles, no terminology server): what every
 * resource served must pass with no errors, and what an inbound resource must pass to be accepted. Built on first
 * use (it loads the whole specification: seconds, tens of MB), then shared; thread-safe.
 */
public final class FhirValidation {

    private final FhirContext context;
    private volatile FhirValidator validator;

    public FhirValidation(FhirContext context) {
        this.context = context;
    }

    /** The validator's errors and fatal errors for this resource (JSON text, as received); empty = valid. */
    public List<SingleValidationMessage> errors(String json) {
        return errorsOf(validator().validateWithResult(json).getMessages());
    }

    public List<SingleValidationMessage> errors(IBaseResource resource) {
        return errorsOf(validator().validateWithResult(resource).getMessages());
    }

    /** Every message, warnings and information too. */
    public List<SingleValidationMessage> messages(IBaseResource resource) {
        return validator().validateWithResult(resource).getMessages();
    }

    /** Builds the validator now (a warm-up, so the first request does not wait for it). */
    public void warmUp() {
        validator();
    }

    private static List<SingleValidationMessage> errorsOf(List<SingleValidationMessage> messages) {
        return messages.stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    private FhirValidator validator() {
        FhirValidator built = validator;
        if (built == null) {
            synchronized (this) {
                built = validator;
                if (built == null) {
                    ValidationSupportChain support = new ValidationSupportChain(
                            new DefaultProfileValidationSupport(context),
                            new CommonCodeSystemsTerminologyService(context),
                            new InMemoryTerminologyServerValidationSupport(context),
                            new SnapshotGeneratingValidationSupport(context));
                    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
                    built = context.newValidator().registerValidatorModule(instanceValidator);
                    validator = built;
                }
            }
        }
        return built;
    }
}
