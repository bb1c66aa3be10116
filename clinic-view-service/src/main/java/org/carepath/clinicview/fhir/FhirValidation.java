package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator against the base R4 specification (no profiles, no terminology server): what every
 * resource served must pass with no errors, and what an inbound resource must pass to be accepted. Built on first
 * use (it loads the whole specification: seconds, tens of MB), then shared; thread-safe.
 */
public final class FhirValidation {

    /**
     * {@code FULL}: HAPI's instance validator against the whole base specification (about 210 MB of heap once
     * loaded). {@code STRUCTURAL}: HAPI's strict parser (unknown elements, invalid values and codes) and the
     * resource's required elements, for a service given too little heap for the full one.
     */
    public enum Mode {
        FULL,
        STRUCTURAL;

        /** FULL when the heap can hold the specification beside the service, else STRUCTURAL. */
        public static Mode forHeap(long maxHeapBytes) {
            return maxHeapBytes >= 480L * 1024 * 1024 ? FULL : STRUCTURAL;
        }
    }

    private final FhirContext context;
    private final Mode mode;
    private volatile FhirValidator validator;

    public FhirValidation(FhirContext context) {
        this(context, Mode.FULL);
    }

    public FhirValidation(FhirContext context, Mode mode) {
        this.context = context;
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /** The validator's errors and fatal errors for this resource (JSON text, as received); empty = valid. */
    public List<SingleValidationMessage> errors(String json) {
        if (mode == Mode.STRUCTURAL) {
            return structuralErrors(json);
        }
        return errorsOf(validator().validateWithResult(json).getMessages());
    }

    private List<SingleValidationMessage> structuralErrors(String json) {
        IBaseResource resource;
        try {
            IParser parser = context.newJsonParser();
            parser.setParserErrorHandler(new StrictErrorHandler());
            resource = parser.parseResource(json);
        } catch (DataFormatException e) {
            return List.of(message("", e.getMessage()));
        }
        List<SingleValidationMessage> errors = new ArrayList<>();
        RuntimeResourceDefinition definition = context.getResourceDefinition(resource);
        for (BaseRuntimeChildDefinition child : definition.getChildren()) {
            if (child.getMin() > 0 && child.getAccessor().getValues(resource).isEmpty()) {
                errors.add(message(
                        definition.getName() + "." + child.getElementName(),
                        definition.getName() + "." + child.getElementName() + ": minimum required = " + child.getMin()
                                + ", but only found 0"));
            }
        }
        return errors;
    }

    private static SingleValidationMessage message(String location, String text) {
        SingleValidationMessage message = new SingleValidationMessage();
        message.setSeverity(ResultSeverityEnum.ERROR);
        message.setLocationString(location);
        message.setMessage(text);
        return message;
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
        if (mode == Mode.FULL) {
            validator();
        }
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
                            new InMemoryTerminologyServerValidationSupport(context));
                    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
                    built = context.newValidator().registerValidatorModule(instanceValidator);
                    validator = built;
                }
            }
        }
        return built;
    }
}
