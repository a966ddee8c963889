// Network page: actors as nodes, events as links coloured by quad class (cooperation vs conflict).
// Layout by the vendored d3-force; drawing, dragging and keyboard access are plain DOM/SVG.
// Every name goes in through textContent, never innerHTML.
"use strict";
(function () {
  const box = document.getElementById("network");
  if (!box) return;
  const SVG = "http://www.w3.org/2000/svg";
  const KIND = { person: "#2563eb", org: "#16a34a", place: "#c2410c", group: "#7c3aed" };

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }
  

  function table(data) {
    const holder = document.getElementById("network-links");
    const t = document.createElement("table");
    t.className = "grid";
    const head = t.createTHead().insertRow();
    ["Source", "Target", "Events", "Kind"].forEach((h) => { const th = document.createElement("th"); th.textContent = h; head.appendChild(th); });
    const byId = new Map(data.nodes.map((n) => [n.id, n]));
    const body = t.createTBody();
    data.links.forEach((l) => {
      const row = body.insertRow();
      [byId.get(l.source), byId.get(l.target)].forEach((n) => {
        const a = document.createElement("a");
        a.href = "/actors/" + encodeURIComponent(n.id);
        a.textContent = n.name;
        row.insertCell().appendChild(a);
      });
      row.insertCell().textContent = l.n;
      row.insertCell().textContent = l.tone;
    });
    holder.replaceChildren(t);
  }

  function draw(data) {
    if (!data.nodes.length) { box.textContent = "No events between known actors match."; return; }
    table(data);
    const width = box.clientWidth || 800, height = box.clientHeight || 500;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "group" });
    box.replaceChildren(svg);
    const maxN = Math.max(...data.nodes.map((n) => n.n));
    const nodes = data.nodes.map((n) => ({ ...n, r: 5 + 14 * Math.sqrt(n.n / maxN) }));
    const links = data.links.map((l) => ({ ...l }));
    const lines = links.map((l) => el("line", { class: l.tone, "stroke-width": Math.min(1 + Math.log2(l.n + 1) * 1.5, 9) }, svg));
    const groups = nodes.map((n) => {
      const a = el("a", { class: "node", href: "/actors/" + encodeURIComponent(n.id) }, svg);
      const title = el("title", {}, a);
      title.textContent = `${n.name} (${n.kind || "actor"}) · ${n.n} events`;
      el("circle", { r: n.r, fill: KIND[n.kind] || "#6b7280" }, a);
      const label = el("text", { dx: n.r + 3, dy: 4 }, a);
      label.textContent = n.name;
      a.setAttribute("aria-label", title.textContent);
      return a;
    });
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(60))
      .force("charge", d3.forceManyBody().strength(-140))
      .force("center", d3.forceCenter(width / 2, height / 2))
      // A weak pull to the middle keeps unconnected groups on screen.
      .force("x", d3.forceX(width / 2).strength(0.05))
      .force("y", d3.forceY(height / 2).strength(0.12))
      .force("collide", d3.forceCollide().radius((d) => d.r + 4))
      .on("tick", () => {
        for (const n of nodes) {
          n.x = Math.max(n.r, Math.min(width - n.r, n.x));
          n.y = Math.max(n.r, Math.min(height - n.r, n.y));
        }
        links.forEach((l, i) => {
          lines[i].setAttribute("x1", l.source.x); lines[i].setAttribute("y1", l.source.y);
          lines[i].setAttribute("x2", l.target.x); lines[i].setAttribute("y2", l.target.y);
        });
        nodes.forEach((n, i) => groups[i].setAttribute("transform", `translate(${n.x},${n.y})`));
      });
    // Dragging pins a node; a click without movement still follows the link to the actor.
    function point(event) {
      const m = svg.getScreenCTM().inverse();
      const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(m);
      return [p.x, p.y];
    }
    nodes.forEach((n, i) => {
      const a = groups[i];
      let moved = false;
      a.addEventListener("pointerdown", (event) => {
        moved = false;
        a.setPointerCapture(event.pointerId);
        sim.alphaTarget(0.3).restart();
        const move = (e) => { moved = true; [n.fx, n.fy] = point(e); };
        const up = () => { sim.alphaTarget(0); a.removeEventListener("pointermove", move); a.removeEventListener("pointerup", up); };
        a.addEventListener("pointermove", move);
        a.addEventListener("pointerup", up);
      });
      a.addEventListener("click", (event) => { if (moved) event.preventDefault(); });
    });
    box.dataset.ready = String(nodes.length);
  }

  fetch(box.dataset.src, { headers: { accept: "application/json" } })
    .then((r) => r.json().then((body) => (r.ok ? body : Promise.reject(new Error(body.error || r.statusText)))))
    .then(draw)
    .catch((err) => { box.textContent = "Cannot draw the network: " + err.message; });
})();
