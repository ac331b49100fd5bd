"""Qt-free geography: projections, geodesics, drawable arrays, picking and map-decoration maths."""
