// One chart as the stats function draws it: the SVG picture (an image data URI, the same on weapp and H5), its
// title, a short summary in words (also the picture's accessible name) and the numbers as a table for screen
// readers and for anyone who prefers figures.
import React, { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { ChartView } from '@hz-points/shared';

export type { ChartView };

export function ChartFigure(props: { chart: ChartView; id?: string }) {
  const { chart } = props;
  const [showTable, setShowTable] = useState(false);
  const name = `${chart.title}。${chart.summary}`;
  return (
    <View className="flows-section stats-chart" id={props.id} aria-label={chart.title}>
      <Text className="flows-item__title">{chart.title}</Text>
      <Image
        className="stats-chart__image"
        src={chart.image}
        mode="widthFix"
        style={{ width: '100%' }}
        aria-label={name}
        ariaLabel={name}
        // On H5 Taro draws <taro-image-core><img/></taro-image-core> and copies only nativeProps onto the <img>: the
        // alt there is what a screen reader (and axe's image-alt) reads; the mini-program reads ariaLabel.
        nativeProps={{ alt: name }}
      />
      <Text className="flows-muted stats-chart__summary">{chart.summary}</Text>
      <View
        className="stats-chart__toggle"
        role="button"
        ariaRole="button"
        aria-expanded={showTable}
        onClick={() => setShowTable(!showTable)}
      >
        <Text className="stats-link">{showTable ? '收起数据表' : '查看数据表'}</Text>
      </View>
      {showTable ? (
        <View className="stats-table" role="table" aria-label={`${chart.title}数据表`}>
          <View className="stats-table__row stats-table__head" role="row">
            {chart.table.columns.map((c, i) => (
              <View key={i} className="stats-table__cell" role="columnheader">
                <Text>{c}</Text>
              </View>
            ))}
          </View>
          {chart.table.rows.map((row, r) => (
            <View key={r} className="stats-table__row" role="row">
              {row.map((cell, i) => (
                <View key={i} className="stats-table__cell" role="cell">
                  <Text>{String(cell)}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
