package org.carepath.platform.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.carepath.platform.web.InvalidFieldException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Dead letters", description = "Records this service could not process, and sending them back once fixed")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Per dead-letter topic: how many wait, the oldest, the reasons and the event ids")
    List<DeadLetters.TopicDeadLetters> overview() {
        return deadLetters.overview();
    }

    @PostMapping("/replay")
    @Operation(summary = "Send dead letters back through their consumer: those with the ids given, or all of the topic")
    Replayed replay(@RequestBody ReplayRequest request) {
        if (request == null || request.topic() == null || request.topic().isBlank()) {
            throw new InvalidFieldException("topic", "must name a dead-letter topic");
        }
        Set<String> ids = request.ids() == null ? Set.of() : Set.copyOf(request.ids());
        return new Replayed(request.topic(), deadLetters.replay(request.topic(), ids));
    }

    record ReplayRequest(String topic, List<String> ids) {}

    record Replayed(String topic, List<String> replayed) {}
}
