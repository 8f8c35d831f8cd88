/** Inline CSS for the public page: system fonts only, since the page may load nothing from outside. */
export const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#f6f7f9;line-height:1.45}
header,main,footer{max-width:1100px;margin:0 auto;padding:12px 16px}
h1{font-size:1.4rem;margin:.2em 0}
.sub{color:#4a5560;margin:0}
.map-wrap{position:relative;background:#e9eef2;border:1px solid #b8c2cc;border-radius:6px;overflow:hidden}
canvas{display:block;width:100%;height:62vh;min-height:320px;cursor:crosshair;touch-action:none}
canvas:focus-visible{outline:3px solid #1f6feb;outline-offset:-3px}
.zoom{position:absolute;top:8px;right:8px;display:flex;flex-direction:column;gap:4px}
.zoom button{width:36px;height:36px;font-size:1.3rem;line-height:1;border:1px solid #8893a0;border-radius:4px;background:#fff;cursor:pointer}
.zoom button:focus-visible,form button:focus-visible,form input:focus-visible{outline:3px solid #1f6feb}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:12px 0}
form label{display:flex;flex-direction:column;font-weight:600;gap:4px}
form input{font:inherit;padding:6px 8px;min-width:16em;border:1px solid #8893a0;border-radius:4px}
form button{font:inherit;padding:6px 14px;border:1px solid #1f6feb;border-radius:4px;background:#1f6feb;color:#fff;cursor:pointer}
#result{background:#fff;border:1px solid #b8c2cc;border-radius:6px;padding:12px 16px;min-height:4em}
#result p{margin:.3em 0}
#result .place{font-size:1.15rem;font-weight:700}
#result .emergency{font-weight:600}
.hint{color:#4a5560;font-size:.92rem}
details{margin-top:16px}
details li{margin:.2em 0}
footer{color:#4a5560;font-size:.85rem}
.combo{position:relative}
.combo input{min-width:22em}
#address-list{position:absolute;z-index:5;left:0;right:0;top:100%;margin:2px 0 0;padding:0;list-style:none;background:#fff;border:1px solid #8893a0;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.15);max-height:18em;overflow:auto}
#address-list li{padding:6px 8px;cursor:pointer}
#address-list li[aria-selected=true],#address-list li:hover{background:#1f6feb;color:#fff}
#address-note,#locate-note{color:#4a5560;font-size:.92rem}
.locate{margin:8px 0}
.locate button{font:inherit;padding:6px 14px;border:1px solid #1f6feb;border-radius:4px;background:#fff;color:#1f6feb;cursor:pointer}
.credit{position:absolute;right:0;bottom:0;margin:0;padding:1px 6px;font-size:.75rem;background:rgba(255,255,255,.8)}
`
