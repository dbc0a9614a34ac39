package org.heteronym.log.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.heteronym.crypto.tlog.TileException;
import org.heteronym.crypto.tlog.TilePath;
import org.heteronym.log.LogException;
import org.heteronym.log.LogProblem;
import org.heteronym.log.TileService;

/** The C2SP tlog-tiles read API: public, cacheable, usable by existing tile clients and CDNs. */
@Path("/log")
public class TlogResource {

    private static final CacheControl IMMUTABLE = CacheControl.valueOf("public, max-age=31536000, immutable");
    private static final CacheControl FRESH = CacheControl.valueOf("no-cache");

    private final TileService tiles;

    TlogResource(TileService tiles) {
        this.tiles = tiles;
    }

    @GET
    @Path("/checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<Response> checkpoint() {
        return tiles.checkpoint().map(note -> publicRead(Response.ok(note, "text/plain; charset=utf-8"), FRESH));
    }

    @GET
    @Path("/tile/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<Response> tile(@PathParam("path") String path) {
        TilePath tile;
        try {
            tile = TilePath.parse("tile/" + path);
        } catch (TileException e) {
            throw new LogException(LogProblem.BAD_TILE_PATH, "tile/" + path + " is not a tlog-tiles path: " + e.getMessage());
        }
        Uni<byte[]> body = tile.entryBundle()
                ? tiles.entryBundle(tile.index(), tile.width())
                : tiles.hashTile(tile.level(), tile.index(), tile.width());
        return body.map(bytes -> publicRead(Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM), IMMUTABLE));
    }

    /** Anyone may audit, including from a browser on another origin. */
    static Response publicRead(Response.ResponseBuilder response, CacheControl cache) {
        return response.cacheControl(cache).header("Access-Control-Allow-Origin", "*").build();
    }
}
