/* assets.c: the dashboard's files, compiled into the binary (.incbin), so
 * the server needs no folder at run time and can serve nothing else.
 * SRV_ASSETS is the absolute path of src/serve/assets (set by the Makefile
 * for this object; the fallback works when building from the checkout's
 * root). The Makefile also rebuilds this object when an asset changes. */
#include "serve/serve.h"
#include <string.h>

#ifndef SRV_ASSETS
#define SRV_ASSETS "src/serve/assets"
#endif

/* Define start/end symbols around a file's bytes, NUL-terminated. */
#define SRV_INCBIN(sym, file)                                                                      \
    __asm__(".section .rodata\n"                                                                   \
            ".balign 16\n"                                                                         \
            ".global " #sym "\n" #sym ":\n"                                                        \
            ".incbin \"" SRV_ASSETS "/" file "\"\n"                                                \
            ".global " #sym "_end\n" #sym "_end:\n"                                                \
            ".byte 0\n"                                                                            \
            ".previous\n");                                                                        \
    extern const char sym[], sym##_end[]

SRV_INCBIN(srv_asset_index, "index.html");
SRV_INCBIN(srv_asset_app, "app.js");
SRV_INCBIN(srv_asset_style, "style.css");
SRV_INCBIN(srv_asset_icon, "favicon.svg");

const char *srv_asset(const char *path, unsigned long *len, const char **type)
{
    static const struct {
        const char *path;   /* where it is served */
        const char *start;  /* its bytes */
        const char *end;    /* one past them */
        const char *type;   /* Content-Type */
    } assets[] = {
        {"/", srv_asset_index, srv_asset_index_end, "text/html; charset=utf-8"},
        {"/index.html", srv_asset_index, srv_asset_index_end, "text/html; charset=utf-8"},
        {"/app.js", srv_asset_app, srv_asset_app_end, "text/javascript; charset=utf-8"},
        {"/style.css", srv_asset_style, srv_asset_style_end, "text/css; charset=utf-8"},
        {"/favicon.svg", srv_asset_icon, srv_asset_icon_end, "image/svg+xml"},
        {"/favicon.ico", srv_asset_icon, srv_asset_icon_end, "image/svg+xml"},
    };
    for (size_t i = 0; i < sizeof assets / sizeof *assets; i++)
        if (!strcmp(path, assets[i].path)) {
            *len = (unsigned long)(assets[i].end - assets[i].start);
            *type = assets[i].type;
            return assets[i].start;
        }
    return NULL;
}
