package nl.buurtwijzer.searchnode;

import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.spi.MediaTypeProvider;

import java.util.List;
import java.util.Map;

/**
 * Registers the Elasticsearch 8 "compatible-with" media types as aliases of JSON, the same way
 * OpenSearch itself aliases application/x-ndjson. Parameters such as {@code compatible-with=8}
 * are parsed and ignored by MediaTypeRegistry. Loaded by java.util.ServiceLoader from
 * META-INF/services/org.opensearch.core.xcontent.spi.MediaTypeProvider (needs the flat classpath).
 */
public class ElasticsearchMediaTypes implements MediaTypeProvider {
    @Override
    public List<MediaType> getMediaTypes() {
        return List.of();
    }

    @Override
    public Map<String, MediaType> getAdditionalMediaTypes() {
        return Map.of(
            "application/vnd.elasticsearch+json", XContentType.JSON,
            "application/vnd.elasticsearch+x-ndjson", XContentType.JSON
        );
    }
}
