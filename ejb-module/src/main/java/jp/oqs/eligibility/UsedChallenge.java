package jp.oqs.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A challenge that was answered once and cannot be answered again before it expires. */
@Entity
@Table(name = "used_challenge")
public class UsedChallenge {

    @Id
    @Column(name = "challenge_hash")
    private String challengeHash;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    protected UsedChallenge() {
    }

    UsedChallenge(String challengeHash, Instant expiresAt) {
        this.challengeHash = challengeHash;
        this.expiresAt = expiresAt;
    }
}
