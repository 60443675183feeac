package org.mitra.awareness.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A campaign's content in one language. */
@Embeddable
public class CampaignText {
    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(name = "call_to_action", nullable = false)
    public String callToAction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "key_messages", nullable = false)
    public List<String> keyMessages = new ArrayList<>();
}
