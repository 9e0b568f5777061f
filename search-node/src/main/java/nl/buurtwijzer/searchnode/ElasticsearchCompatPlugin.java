package nl.buurtwijzer.searchnode;

import org.opensearch.client.node.NodeClient;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.RestResponse;


import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Lets the Elasticsearch 8 Python client talk to this OpenSearch node.
 *
 * <ul>
 *   <li>Adds {@code X-Elastic-Product: Elasticsearch} to every response of a registered REST handler
 *       (elasticsearch-py 8 refuses a server whose first 2xx response lacks it).</li>
 *   <li>The {@code application/vnd.elasticsearch+json|x-ndjson; compatible-with=8} media types are
 *       mapped to JSON by {@link ElasticsearchMediaTypes} (a MediaTypeProvider found via
 *       META-INF/services, because media types are resolved before any plugin sees the request).</li>
 * </ul>
 * The body of GET / is left as it is: the client only checks the header, not version.number.
 */
public class ElasticsearchCompatPlugin extends Plugin implements ActionPlugin {

    static final String PRODUCT_HEADER = "X-Elastic-Product";
    static final String PRODUCT = "Elasticsearch";

    @Override
    public UnaryOperator<RestHandler> getRestHandlerWrapper(ThreadContext threadContext) {
        return handler -> new RestHandler.Wrapper(handler) {
            @Override
            public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
                super.handleRequest(request, new ProductHeaderChannel(channel), client);
            }
        };
    }

    /** Delegating channel that stamps the product header on the outgoing response. */
    static final class ProductHeaderChannel implements RestChannel {
        private final RestChannel delegate;

        ProductHeaderChannel(RestChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public void sendResponse(RestResponse response) {
            response.addHeader(PRODUCT_HEADER, PRODUCT);
            delegate.sendResponse(response);
        }

        @Override
        public XContentBuilder newBuilder() throws IOException {
            return delegate.newBuilder();
        }

        @Override
        public XContentBuilder newErrorBuilder() throws IOException {
            return delegate.newErrorBuilder();
        }

        @Override
        public XContentBuilder newBuilder(MediaType mediaType, boolean useFiltering) throws IOException {
            return delegate.newBuilder(mediaType, useFiltering);
        }

        @Override
        public XContentBuilder newBuilder(MediaType mediaType, MediaType responseContentType, boolean useFiltering) throws IOException {
            return delegate.newBuilder(mediaType, responseContentType, useFiltering);
        }

        @Override
        public BytesStreamOutput bytesOutput() {
            return delegate.bytesOutput();
        }

        @Override
        public RestRequest request() {
            return delegate.request();
        }

        @Override
        public boolean detailedErrorsEnabled() {
            return delegate.detailedErrorsEnabled();
        }
    }
}
