package org.crisiscoordination.command.checkpoint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the Merkle log is kept and signed.
 *
 * @param keyFile      the Ed25519 private key (PKCS#8 PEM) that signs checkpoints; none means a key
 *                     generated at start that dies with the process (tests; a warning says so)
 * @param origin       the log's name: the first line of every checkpoint, and the key's name
 * @param interval     how often a checkpoint is signed when the log has grown
 * @param leafInterval how often new events are given their leaf index
 * @param signer       whether this instance keeps and signs the log (one signer in a cluster: the
 *                     one instance given the key); the others neither assign leaves nor sign
 */
@Validated
@ConfigurationProperties("crisis.checkpoints")
public record CheckpointProperties(Path keyFile,
                                   @NotBlank @DefaultValue("crisis-coordination/audit") String origin,
                                   @NotNull @DefaultValue("PT1M") Duration interval,
                                   @NotNull @DefaultValue("PT1S") Duration leafInterval,
                                   @DefaultValue("true") boolean signer) {
}
