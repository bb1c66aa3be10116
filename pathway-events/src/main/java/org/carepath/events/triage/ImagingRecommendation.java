package org.carepath.events.triage;

import org.carepath.events.intake.ImagingModality;

public record ImagingRecommendation(ImagingModality modality, String rule, String reason) {}
