/**
 * A self-contained API reference page (no CDN: the product runs offline).
 * It reads /api/openapi.json and lists every operation with its schemas.
 */
export const apiDocsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Loyalty Studio API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1c2430;background:#f7f8fa}
header{background:#1f3a5f;color:#fff;padding:20px 32px}header h1{margin:0;font-size:22px}
main{max-width:980px;margin:0 auto;padding:24px 32px}
section.op{background:#fff;border:1px solid #dde2ea;border-radius:8px;margin:0 0 16px;padding:16px}
.m{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;font-weight:600;padding:2px 6px;margin-right:8px;text-transform:uppercase;font-size:12px}
.get{background:#2f7d5b}.post{background:#2b63b5}.put,.patch{background:#a36a12}.delete{background:#b23a3a}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f1f3f6;padding:10px;border-radius:6px;overflow:auto}
h2{font-size:16px;margin:0 0 4px}.tag{color:#5b6575;font-size:12px}
</style></head>
<body><header><h1>Loyalty Studio API reference</h1><div>OpenAPI document: <a style="color:#cfe0ff" href="/api/openapi.json">/api/openapi.json</a></div></header>
<main id="ops">Loading…</main>
<script>
fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  const main=document.getElementById('ops');main.textContent='';
  const p=document.createElement('p');p.textContent=doc.info.description;main.append(p);
  for(const [path,ops] of Object.entries(doc.paths)){for(const [method,op] of Object.entries(ops)){
    const s=document.createElement('section');s.className='op';
    const h=document.createElement('h2');const m=document.createElement('span');m.className='m '+method;m.textContent=method;
    const c=document.createElement('code');c.textContent=path;h.append(m,c);s.append(h);
    const t=document.createElement('div');t.className='tag';t.textContent=(op.tags||[]).join(', ')+' · '+op.summary;s.append(t);
    if(op.description){const d=document.createElement('p');d.textContent=op.description;s.append(d);}
    if(op.requestBody){const b=document.createElement('pre');b.textContent='Request body\\n'+JSON.stringify(op.requestBody.content['application/json'].schema,null,2);s.append(b);}
    for(const [code,res] of Object.entries(op.responses)){const b=document.createElement('pre');
      b.textContent=code+' '+res.description+(res.content?'\\n'+JSON.stringify(res.content['application/json'].schema,null,2):'');s.append(b);}
    main.append(s);}}
}).catch(e=>{document.getElementById('ops').textContent='Could not load the API document: '+e.message});
</script></body></html>`;
