package org.heteronym.log.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.heteronym.log.CheckpointSigner;
import org.heteronym.log.LogException;
import org.heteronym.log.LogProblem;
import org.heteronym.log.ProofService;
import org.heteronym.log.TileService;

/** JSON reads for simple clients: entries, inclusion and consistency proofs, and the verifier key. */
@Path("/log/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LogApiResource {

    private static final CacheControl SHORT = CacheControl.valueOf("public, max-age=60");

    private final ProofService proofs;
    private final TileService tiles;
    private final CheckpointSigner signer;

    LogApiResource(ProofService proofs, TileService tiles, CheckpointSigner signer) {
        this.proofs = proofs;
        this.tiles = tiles;
        this.signer = signer;
    }

    @GET
    @Path("/vkey")
    @Produces(MediaType.TEXT_PLAIN)
    public Response vkey() {
        return TlogResource.publicRead(Response.ok(signer.verifierKey() + "\n", "text/plain; charset=utf-8"), SHORT);
    }

    @GET
    @Path("/entries/{index}")
    public Uni<Response> entry(@PathParam("index") String index) {
        return tiles.entry(nonNegative("index", index))
                .map(view -> TlogResource.publicRead(Response.ok(LogJson.entry(view)), SHORT));
    }

    /** By {@code index}, or by {@code leaf_hash} (64 hex digits); {@code size} defaults to the newest checkpoint. */
    @GET
    @Path("/proof/inclusion")
    public Uni<Response> inclusion(@QueryParam("index") String index, @QueryParam("leaf_hash") String leafHash,
                                   @QueryParam("size") String size) {
        if ((index == null) == (leafHash == null)) {
            throw new LogException(LogProblem.BAD_PARAMETER, "give exactly one of index and leaf_hash");
        }
        OptionalLong treeSize = optional("size", size);
        var proof = index != null
                ? proofs.inclusion(nonNegative("index", index), treeSize)
                : proofs.inclusionOfLeaf(hash(leafHash), treeSize);
        return proof.map(p -> TlogResource.publicRead(Response.ok(LogJson.inclusion(p)), SHORT));
    }

    @GET
    @Path("/proof/consistency")
    public Uni<Response> consistency(@QueryParam("old") String oldSize, @QueryParam("new") String newSize) {
        if (oldSize == null) {
            throw new LogException(LogProblem.BAD_PARAMETER, "old is required");
        }
        return proofs.consistency(nonNegative("old", oldSize), optional("new", newSize))
                .map(p -> TlogResource.publicRead(Response.ok(LogJson.consistency(p)), SHORT));
    }

    private static OptionalLong optional(String name, String value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(nonNegative(name, value));
    }

    private static long nonNegative(String name, String value) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,17}")) {
            throw new LogException(LogProblem.BAD_PARAMETER, name + " must be a non-negative decimal integer");
        }
        return Long.parseLong(value);
    }

    private static byte[] hash(String hex) {
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new LogException(LogProblem.BAD_PARAMETER, "leaf_hash must be 64 hexadecimal digits");
        }
        return HexFormat.of().parseHex(hex);
    }
}
